// Reads the test cases of YAUAA's UserAgents/*.yaml (real user agents, some with client hints) and writes one JSON
// line per distinct request: its headers and what Matomo DeviceDetector (node-device-detector, a maintained port with
// current rules and client-hint support) detects, in the naming of the Device record.
// Usage: node matomo-expected.js YAUAA_USERAGENTS_DIR > corpus.jsonl
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const DeviceDetector = require('node-device-detector');
const ClientHints = require('node-device-detector/client-hints');

const HEADERS = ['User-Agent', 'Sec-CH-UA', 'Sec-CH-UA-Mobile', 'Sec-CH-UA-Platform', 'Sec-CH-UA-Platform-Version',
  'Sec-CH-UA-Model', 'Sec-CH-UA-Full-Version-List'];
// attacks, deliberately broken strings and anonymised or synthetic ones are not what browsers send
const SKIPPED = /^(Hackers|Broken|Anonymi|UUID|URL|ClientHints-BadFields)/;

const detector = new DeviceDetector({ deviceIndexes: true, clientIndexes: true });
const hintsParser = new ClientHints();
const dir = process.argv[2];
const seen = new Set();
const orNull = (value) => (value === undefined || value === null || value === '' ? null : String(value));

for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.yaml') && !SKIPPED.test(name)).sort()) {
  const config = (yaml.load(fs.readFileSync(path.join(dir, file), 'utf8')) || {}).config || [];
  for (const entry of config) {
    const input = entry && entry.test && entry.test.input;
    if (!input) continue;
    const byName = {};
    for (const [key, value] of Object.entries(input)) {
      const name = key === 'user_agent_string' ? 'User-Agent' : HEADERS.find((h) => h.toLowerCase() === key.toLowerCase());
      if (name && value !== null && value !== undefined) byName[name] = String(value);
    }
    if (!byName['User-Agent']) continue;
    const headers = HEADERS.map((name) => byName[name] || '');
    const key = JSON.stringify(headers);
    if (seen.has(key)) continue;
    seen.add(key);
    const lower = {};
    HEADERS.forEach((name, i) => { if (headers[i] !== '') lower[name.toLowerCase()] = headers[i]; });
    const bot = detector.parseBot(headers[0]);
    let expected;
    if (bot && bot.name) {
      expected = ['bot', orNull(bot.name), orNull(bot.url), null, null, null, null];
    } else {
      const result = detector.detect(headers[0], hintsParser.parse(lower));
      expected = [orNull(result.device.type), orNull(result.device.brand), orNull(result.device.model),
        orNull(result.os.name), orNull(result.os.version), orNull(result.client.name), orNull(result.client.version)];
    }
    process.stdout.write(JSON.stringify({ source: file, headers, expected }) + '\n');
  }
}
