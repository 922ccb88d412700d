// The emulator's `/__emulator/` control surface (docs/ARCHITECTURE.md): the replay's "database".

export type ControlSurface = {
  resetTokenAge(customerId: number, seconds: number): Promise<void>;
  lock(customerId: number, failures: number, lockExpiresInSeconds: number): Promise<void>;
  lockState(customerId: number): Promise<LockState>;
  expireTokenThrottle(username: string): Promise<void>;
  clearPasswordResetRequests(): Promise<void>;
  /** `null` restores the stack default. */
  setConfig(path: string, value: string | null): Promise<void>;
  config(): Promise<Record<string, string>>;
  setPassword(customerId: number, password: string): Promise<void>;
  /** bin/magento module:enable / module:disable Magento_TwoFactorAuth. */
  setTwoFactorModule(enabled: boolean): Promise<void>;
  /** security:tfa:google:set-secret for the admin (`null`: security:tfa:reset … google). */
  setAdminGoogleSecret(secret: string | null): Promise<void>;
  addIntegration(name: string, token: string, resources: readonly string[]): Promise<void>;
};

/** A customer's lockout columns: failures_num, and whether first_failure and lock_expires are set. */
export type LockState = { failures: number; firstFailure: string | null; lockExpires: string | null };

export function controlSurface(baseUrl: string): ControlSurface {
  const call = async (method: string, path: string, body?: object): Promise<unknown> => {
    const response = await fetch(`${baseUrl}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${method} /__emulator${path} answered ${response.status}: ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  };
  return {
    resetTokenAge: async (id, seconds) => void (await call('POST', `/customers/${id}/reset-token-age`, { seconds })),
    lock: async (id, failures, lockExpiresInSeconds) =>
      void (await call('POST', `/customers/${id}/lock`, { failures, lockExpiresInSeconds })),
    lockState: async (id) => (await call('GET', `/customers/${id}/lock`)) as LockState,
    expireTokenThrottle: async (username) => void (await call('POST', '/token-throttle/expire', { username, userType: 'customer' })),
    clearPasswordResetRequests: async () => void (await call('DELETE', '/password-reset-requests')),
    setConfig: async (path, value) => void (await call('PUT', '/config', { path, value })),
    config: async () => (await call('GET', '/config')) as Record<string, string>,
    setPassword: async (id, password) => void (await call('POST', `/customers/${id}/password`, { password })),
    setTwoFactorModule: async (enabled) => void (await call('PUT', '/modules/Magento_TwoFactorAuth', { enabled })),
    setAdminGoogleSecret: async (secret) =>
      void (await (secret === null ? call('DELETE', '/admin/tfa/google') : call('PUT', '/admin/tfa/google', { secret }))),
    addIntegration: async (name, token, resources) => void (await call('POST', '/integrations', { name, token, resources })),
  };
}
