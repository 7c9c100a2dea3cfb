// A local Bluesky network for the tests: PostgreSQL and Redis on free 127.0.0.1 ports in
// a temporary folder, then @atproto/dev-env's TestNetwork (PLC, PDS and the AppView that
// serves notifications), then four accounts. Prints one JSON line on stdout:
//   {"pds_url", "appview_url", "plc_url",
//    "accounts": {"bot"|"alice"|"bob"|"crashbot": {handle, did, password}}}
// and stays up until stdin closes (unless --stay), SIGTERM or SIGINT; then stops
// everything it started and removes its folder.
//
//   node22 start.mjs --modules <cache>/bluesky/node_modules [--dir DIR] [--stay] [--watch-pid PID]
//
// --watch-pid: also stop when process PID is gone (the test run that owns the network,
// so a run killed with SIGKILL does not leave 0.4 GB of servers behind).
//
// ci/install-test-servers.sh installs node 22 and the modules; tests/support/servers.py
// runs this file.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const modules = opt('--modules');
if (!modules) {
  console.error('start.mjs: --modules <node_modules of tests/servers/bluesky> is required');
  process.exit(2);
}
const stay = args.includes('--stay');
const ownDir = !opt('--dir');
const dir = opt('--dir') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bsky-'));
fs.mkdirSync(dir, { recursive: true });
const systemTmp = os.tmpdir();
// The PDS keeps its data and blobs under os.tmpdir(): keep them in our folder.
process.env.TMPDIR = dir;

const ACCOUNTS = {
  // `bot.test` is reserved by the PDS.
  bot: 'campaignbot.test',
  alice: 'alice.test',
  bob: 'bob.test',
  // Only the crash test posts as this one, so it counts its own posts alone.
  crashbot: 'crashbot.test',
};
const PASSWORD = 'test-password';

const children = [];
const t0 = Date.now();
const log = (msg) => process.stderr.write(`start.mjs: ${((Date.now() - t0) / 1000).toFixed(1)} s: ${msg}\n`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function pgBin(name) {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => b - a) : [];
  for (const v of versions) {
    const p = path.join(root, v, 'bin', name);
    if (fs.existsSync(p)) return p;
  }
  return name;
}

// initdb and postgres refuse to run as root: run them as the `postgres` user then.
function pgIds() {
  if (process.getuid() !== 0) return {};
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0) throw new Error('running as root and no `postgres` user for PostgreSQL');
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

function start(cmd, argv, extra = {}) {
  const out = fs.openSync(path.join(dir, `${path.basename(cmd)}.log`), 'a');
  const child = spawn(cmd, argv, { stdio: ['ignore', out, out], ...extra });
  children.push(child);
  child.once('exit', (code, signal) => {
    child.exited = true;
    if (!stopping) log(`${path.basename(cmd)} exited early (code ${code}, signal ${signal})`);
  });
  return child;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what, check, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms`);
}

function connects(port) {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

async function startPostgres() {
  const ids = pgIds();
  let data = path.join(dir, 'pg');
  if (ids.uid === undefined) {
    fs.mkdirSync(data);
  } else {
    // The `postgres` user may not reach into our folder (pytest's is 0700): give it one
    // of its own in the system's temp folder, recorded in pg.path for whoever cleans up.
    data = fs.mkdtempSync(path.join(systemTmp, 'bsky-pg-'));
    fs.writeFileSync(path.join(dir, 'pg.path'), data);
    pgData = data;
    fs.chownSync(data, ids.uid, ids.gid);
  }
  const init = spawnSync(pgBin('initdb'), ['-U', 'pg', '--auth=trust', '-D', data], {
    encoding: 'utf8',
    ...ids,
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  start(
    pgBin('postgres'),
    ['-D', data, '-p', String(port), '-k', data, '-c', 'listen_addresses=127.0.0.1',
      '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    ids,
  );
  await waitFor('postgres', () =>
    spawnSync(pgBin('pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]).status === 0);
  return port;
}

async function startRedis() {
  const port = await freePort();
  start('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '',
    '--appendonly', 'no', '--dir', dir]);
  await waitFor('redis', () => connects(port));
  return port;
}

let stopping = false;
let network;
let pgData;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  // Whatever happens below, exit within 10 s and leave no child behind.
  setTimeout(() => finish(1), 10000).unref();
  try {
    if (network) await network.close();
  } catch (err) {
    log(`closing the network: ${err}`);
  }
  finish(code);
}

function finish(code) {
  for (const child of children) {
    if (!child.exited) child.kill('SIGKILL');
  }
  // postgres may still be writing for a moment after SIGKILL: retry the removal.
  if (pgData) fs.rmSync(pgData, { recursive: true, force: true, maxRetries: 5 });
  if (ownDir) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  process.exit(code);
}

process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
process.on('exit', () => {
  for (const child of children) if (!child.exited) child.kill('SIGKILL');
});

async function main() {
  // From the start: a run killed while the network starts must not leave it behind.
  const watched = Number(opt('--watch-pid'));
  if (watched) {
    setInterval(() => {
      try {
        process.kill(watched, 0);
      } catch (err) {
        if (err.code === 'ESRCH') stop(0);
      }
    }, 1000).unref();
  }
  const pgPort = await startPostgres();
  const redisPort = await startRedis();
  log('postgres and redis ready');
  process.env.DB_POSTGRES_URL = `postgresql://pg@127.0.0.1:${pgPort}/postgres`;
  process.env.DB_POSTGRES_SCHEMA = 'test';
  process.env.REDIS_HOST = `127.0.0.1:${redisPort}`;

  const require = createRequire(path.join(path.resolve(modules), 'x.js'));
  const devEnv = await import(pathToFileURL(require.resolve('@atproto/dev-env')).href);
  log('dev-env loaded');
  network = await devEnv.TestNetwork.create({});
  log('network up');

  // The services print localhost URLs and listen on every interface: hand out 127.0.0.1.
  const local = (port) => `http://127.0.0.1:${port}`;
  const pdsUrl = local(network.pds.port);
  const accounts = {};
  for (const [name, handle] of Object.entries(ACCOUNTS)) {
    const res = await fetch(`${pdsUrl}/xrpc/com.atproto.server.createAccount`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle, email: `${name}@example.test`, password: PASSWORD }),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(`createAccount ${handle}: ${res.status} ${JSON.stringify(body)}`);
    accounts[name] = { handle, did: body.did, password: PASSWORD };
  }
  // Let the AppView index the new accounts, so logging in and mentioning work at once.
  await network.processAll();
  log('accounts indexed');

  process.stdout.write(
    `${JSON.stringify({
      pds_url: pdsUrl,
      appview_url: local(network.bsky.port),
      plc_url: local(network.plc.port),
      accounts,
    })}\n`,
  );
  if (!stay) {
    process.stdin.resume();
    process.stdin.on('end', () => stop(0));
    process.stdin.on('close', () => stop(0));
  }
}

main().catch((err) => {
  log(`failed: ${err?.stack ?? err}`);
  stop(1);
});
