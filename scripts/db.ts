/**
 * `npm run db:start|db:stop|db:status|db:logs [-- options]`: the developer's local Neo4j.
 * Options pick another instance (--home, --bolt-port, --http-port), as the test harness does.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import {
  instancePaths,
  localNeo4jStatus,
  PlatformError,
  startLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4jOptions,
} from '../src/platform/index.js';
import { tailFile } from '../src/platform/processes.js';

const LOG_FILES = ['neo4j', 'console', 'debug', 'query', 'security', 'http'] as const;

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('not a TCP port');
  return n;
}

const program = new Command('db')
  .description('Run the local Neo4j Community server used by clashgraph')
  .option('--home <dir>', 'instance folder (default: .data/neo4j)')
  // No defaults here: unset ports mean "7687/7474, or whatever the running instance uses".
  .option('--bolt-port <port>', 'Bolt port on 127.0.0.1 (default 7687)', port)
  .option('--http-port <port>', 'HTTP port on 127.0.0.1, Neo4j Browser (default 7474)', port);

function instanceOptions(): LocalNeo4jOptions {
  const o = program.opts<{ home?: string; boltPort?: number; httpPort?: number }>();
  return {
    ...(o.home ? { home: o.home } : {}),
    ...(o.boltPort ? { boltPort: o.boltPort } : {}),
    ...(o.httpPort ? { httpPort: o.httpPort } : {}),
    log: (line) => console.error(line),
  };
}

program
  .command('start')
  .description('start Neo4j (or reuse the running one) and wait until Bolt answers')
  .action(async () => {
    const t0 = Date.now();
    const db = await startLocalNeo4j(instanceOptions());
    console.log(
      [
        `Neo4j ${db.reused ? 'already running' : `ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`} (PID ${db.pid})`,
        `  Bolt:     ${db.uri}`,
        `  Browser:  ${db.browserUrl}  (connect to ${db.uri})`,
        `  User:     ${db.user}`,
        `  Password: in ${path.relative(process.cwd(), db.passwordFile) || db.passwordFile}` +
          ` (cat it, or set NEO4J_PASSWORD before the first start)`,
      ].join('\n'),
    );
  });

program
  .command('stop')
  .description('stop Neo4j cleanly (SIGTERM, then SIGKILL after 60 s)')
  .action(async () => {
    const r = await stopLocalNeo4j(instanceOptions());
    console.log(
      r.wasRunning ? `Neo4j (PID ${r.pid}) stopped${r.killed ? ' (killed after timeout)' : ''}.` : 'Neo4j was not running.',
    );
  });

program
  .command('status')
  .description('say whether Neo4j runs, and where')
  .option('--json', 'print JSON')
  .action(async (cmd: { json?: boolean }) => {
    const s = await localNeo4jStatus(instanceOptions());
    if (cmd.json) console.log(JSON.stringify(s, null, 2));
    else if (s.running) console.log(`running (PID ${s.pid}); Bolt ${s.uri}${s.boltListening ? '' : ' (not answering yet)'}; Browser ${s.browserUrl}; password in ${s.passwordFile}`);
    else console.log(`not running (home ${s.home})${s.boltListening ? `; note: something else listens on ${s.boltPort}` : ''}`);
    process.exitCode = s.running ? 0 : 3; // 3 = "not running", as the tarball's `neo4j status`
  });

program
  .command('logs')
  .description('print the end of a Neo4j log')
  .option('-n, --lines <n>', 'how many lines', (v) => Number.parseInt(v, 10), 50)
  .option('-f, --follow', 'keep printing new lines (Ctrl-C to stop)')
  .option('--file <name>', `which log: ${LOG_FILES.join(', ')}`, 'neo4j')
  .action(async (cmd: { lines: number; follow?: boolean; file: string }) => {
    if (!(LOG_FILES as readonly string[]).includes(cmd.file)) {
      throw new InvalidArgumentError(`--file must be one of ${LOG_FILES.join(', ')}`);
    }
    const home = path.resolve((await localNeo4jStatus(instanceOptions())).home);
    const file = path.join(instancePaths(home).logs, `${cmd.file}.log`);
    if (cmd.follow) {
      // tail(1) follows rotation and truncation properly; no need to reimplement it
      spawn('tail', ['-n', String(cmd.lines), '-F', file], { stdio: 'inherit' });
      return;
    }
    const text = tailFile(file, cmd.lines);
    console.log(text || `(no log yet at ${file})`);
  });

try {
  await program.parseAsync();
} catch (err) {
  if (err instanceof PlatformError) {
    console.error(`\n${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
