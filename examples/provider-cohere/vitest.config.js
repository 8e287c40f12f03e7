// Inside this workspace the testkit is used from its sources; a published package needs no alias.
import { workspaceTestConfig } from '../../vitest.shared.ts';

export default workspaceTestConfig(['test/**/*.test.js']);
