// The kit's hot statements are written in SQL (issue 14); the helpers are persistence's, shared by every service.
export { queryRows, tableOf } from '@legal/persistence';
