import { afterAll, beforeAll } from '@jest/globals';
import {
  createChannel,
  createPrivateIntegration,
  type CreatedIntegration,
} from './admin-fixtures.js';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app.js';

export interface AppWithIntegration {
  t: TestApp;
  integration: CreatedIntegration;
}

/**
 * The app of a suite, on a fresh database, with a channel and a private integration bound to it:
 * started before the suite's tests, closed after them. The fields are set once `beforeAll` ran.
 */
export function appWithIntegration(options: TestAppOptions = {}): AppWithIntegration {
  const suite = {} as AppWithIntegration;
  beforeAll(async () => {
    suite.t = await startTestApp(options);
    suite.integration = await createPrivateIntegration(suite.t, await createChannel(suite.t));
  });
  afterAll(() => suite.t.close());
  return suite;
}
