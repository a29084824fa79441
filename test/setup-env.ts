// Integration specs log at warn level unless a developer asks for more.
process.env.LOG_LEVEL ??= 'warn';
process.env.NODE_ENV ??= 'test';
