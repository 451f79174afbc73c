/**
 * Prints the scrypt hash of an advisor's password, for the ADVISORS setting:
 *   npm run advisor:hash            (asks for it, without echo)
 *   echo -n 'secret' | npm run -s advisor:hash
 */
import { hashPassword } from '../src/handoff/advisors';

async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  process.stderr.write('Password: ');
  stdin.setRawMode(true);
  let password = '';
  for await (const c of stdin) {
    const s = (c as Buffer).toString('utf8');
    if (s === '\r' || s === '\n') break;
    if (s === '\u0003') process.exit(130);
    password = s === '\u007f' ? password.slice(0, -1) : password + s;
  }
  stdin.setRawMode(false);
  process.stderr.write('\n');
  return password;
}

readPassword()
  .then(async (password) => {
    if (password.length < 10) throw new Error('use at least 10 characters');
    process.stdout.write(`${await hashPassword(password)}\n`);
    process.exit(0);
  })
  .catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
