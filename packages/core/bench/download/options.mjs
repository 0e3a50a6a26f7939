// Command-line options of `pnpm bench download` (defaults reproduce the table).
import { fileURLToPath } from 'node:url';

export const DEFAULTS = {
  sizeGib: 2,
  rssGib: [1, 4],
  rounds: 3,
  partMib: 250,
  md5PartMib: 60,
  // The network model: one S3 connection over the internet, the user's link, S3's first byte.
  connectionMibps: 32,
  linkMibps: 400,
  firstByteMs: 20,
  modelConnections: [8],
  modelRounds: 3,
  curlModelRounds: 1,
  only: ['model', 'loopback', 'md5', 'rss', 'resume'],
};

const HELP = `pnpm bench download [options]
  --size-gib 2            backup size for the throughput and resume rows
  --rss-gib 1,4           backup sizes for the peak RSS rows
  --rounds 3              runs per row without the network model (medians are printed)
  --part-mib 250          part size (Cloud 66 splits at 250 MB)
  --md5-part-mib 60       part size of the MD5-verified row (small parts have plain-MD5 ETags; 0 skips it)
  --connection-mibps 32   network model: one connection's bandwidth
  --link-mibps 400        network model: the link all connections share
  --first-byte-ms 20      network model: time to first byte
  --model-connections 8   engine connection counts to run with the model on (e.g. 8,16)
  --model-rounds 3        runs per row with the model on (engine, aria2c)
  --curl-model-rounds 1   runs of sequential curl with the model on (64 s each at 32 MiB/s)
  --only model,loopback,md5,rss,resume   sections to run`;

const list = (value) => value.split(',').map((v) => v.trim());

/** Parses `argv` (pnpm passes its `--` separator through; it is ignored). */
export function parseOptions(rawArgs) {
  const args = rawArgs.filter((arg) => arg !== '--');
  const options = { ...DEFAULTS };
  const numbers = {
    '--size-gib': 'sizeGib',
    '--rounds': 'rounds',
    '--part-mib': 'partMib',
    '--md5-part-mib': 'md5PartMib',
    '--connection-mibps': 'connectionMibps',
    '--link-mibps': 'linkMibps',
    '--first-byte-ms': 'firstByteMs',
    '--model-rounds': 'modelRounds',
    '--curl-model-rounds': 'curlModelRounds',
  };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--help' || flag === '-h') {
      console.log(HELP);
      process.exit(0);
    }
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (numbers[flag]) options[numbers[flag]] = Number(value);
    else if (flag === '--rss-gib') options.rssGib = list(value).map(Number);
    else if (flag === '--model-connections') options.modelConnections = list(value).map(Number);
    else if (flag === '--only') options.only = list(value);
    else throw new Error(`unknown option ${flag}\n${HELP}\n(${fileURLToPath(import.meta.url)})`);
  }
  return options;
}
