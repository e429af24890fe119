export function serveStatic(root: string, port?: number, host?: string, options?: { isolate?: boolean }): Promise<{ url: string; close: () => Promise<void> }>;
