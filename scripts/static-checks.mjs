// `npm run lint` and `npm run typecheck` side by side: each uses one CPU.
import { sideBySide } from './side-by-side.mjs';

await sideBySide(
  ['lint', 'typecheck'].map((script) => ({
    label: script,
    command: 'npm',
    args: ['run', '--silent', script],
  })),
);
