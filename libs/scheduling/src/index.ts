export { PeriodicTask } from './periodic-task';
export type { PeriodicTaskOptions } from './periodic-task';
