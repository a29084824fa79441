// CPU cost of sealing personal data in events, next to plain JSON serialisation in the same run:
//   node -r ./test/swc-register.js bench/pii-sealing.ts        (BENCH_ITERATIONS, default 2000)
// Per intake: the outbox's seal (ECDH-ES+A256KW for each consumer, AES-256-GCM) + JSON.stringify, the
// consumer's JSON.parse + open; baseline: JSON.stringify + JSON.parse of the same plain payload.
// Also a dispatch (sealed for its handler; and for all three handlers when it names none) and the at-rest keyring.
// Library check: the same JWE (General JSON seal for one X25519 recipient, open) by the sealer (node:crypto,
// libs/privacy/src/transit-jwe.ts), by jose 6 and by jose 5 (devDependency `jose5`, only here), interleaved in
// this one process: why the sealer does not go through jose.
import * as jose6 from 'jose';
import * as jose5 from 'jose5';
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { IntakeSubmitted, WorkOrderDispatched } from '@legal/contracts';
import { EventSealing } from '@legal/messaging';
import { Keyring, PiiProtector } from '@legal/privacy';
import { machineInfo } from './lib/machine';
import { table } from './lib/markdown';
import { writeResults } from './lib/results';
import { round } from './lib/stats';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);

interface Measured {
  name: string;
  iterations: number;
  cpuUsPerOp: number;
  wallUsPerOp: number;
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

async function measure(name: string, op: () => unknown, iterations = ITERATIONS): Promise<Measured> {
  for (let i = 0; i < Math.min(200, iterations); i++) await op(); // warm-up (JIT, key caches)
  const cpu0 = cpuMicros();
  const wall0 = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await op();
  const cpu = cpuMicros() - cpu0;
  const wall = Number(process.hrtime.bigint() - wall0) / 1000;
  return { name, iterations, cpuUsPerOp: round(cpu / iterations, 1), wallUsPerOp: round(wall / iterations, 1) };
}

/** What the sealer uses of jose, in both majors (TransitSealer.seal/open). */
interface JweLibrary {
  GeneralEncrypt: new (plaintext: Uint8Array) => {
    setProtectedHeader(header: { enc: string; cty: string }): unknown;
    addRecipient(key: KeyObject): { setUnprotectedHeader(header: { alg: string; kid: string }): unknown };
    encrypt(): Promise<unknown>;
  };
  flattenedDecrypt(
    jwe: jose6.FlattenedJWE,
    key: KeyObject,
    options: { keyManagementAlgorithms: string[]; contentEncryptionAlgorithms: string[] },
  ): Promise<{ plaintext: Uint8Array }>;
}

/** The sealer's JWE with the given jose: seal a value for one recipient, then open it as that recipient. */
function joseRoundTrip(
  jose: JweLibrary,
  value: unknown,
  keys: { publicKey: KeyObject; privateKey: KeyObject },
): () => Promise<unknown> {
  const encoder = new TextEncoder();
  const options = { keyManagementAlgorithms: ['ECDH-ES+A256KW'], contentEncryptionAlgorithms: ['A256GCM'] };
  return async () => {
    const jwe = new jose.GeneralEncrypt(encoder.encode(JSON.stringify(value)));
    jwe.setProtectedHeader({ enc: 'A256GCM', cty: 'application/json' });
    jwe.addRecipient(keys.publicKey).setUnprotectedHeader({ alg: 'ECDH-ES+A256KW', kid: 'work-order/dev' });
    const sealed = JSON.parse(JSON.stringify(await jwe.encrypt())) as jose6.GeneralJWE;
    const { recipients, ...shared } = sealed;
    const { plaintext } = await jose.flattenedDecrypt(
      { ...shared, header: recipients[0]!.header, encrypted_key: recipients[0]!.encrypted_key },
      keys.privateKey,
      options,
    );
    return JSON.parse(new TextDecoder().decode(plaintext)) as unknown;
  };
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const intake = {
    ...IntakeSubmitted.example,
    applicant: {
      name: '张三',
      idCardNumber: '371321199003071234',
      phone: '13812345678',
      address: '山东省临沂市兰陵县卞庄街道幸福路1号',
    },
  };
  const dispatch = { ...WorkOrderDispatched.example, applicant: intake.applicant }; // handler legal-aid: one recipient
  const broadcast = { ...dispatch, handler: 'external-agency' as const }; // names no consumer: all three are recipients
  const hotline = EventSealing.development('hotline');
  const workOrder = EventSealing.development('work-order');
  const legalAid = EventSealing.development('legal-aid');
  const pii = new PiiProtector('bench-hash-key-of-enough-length', undefined, Keyring.generateEntry('bench'));

  const plainIntake = await measure('intake: JSON.stringify + JSON.parse (baseline)', () =>
    JSON.parse(JSON.stringify(intake)),
  );
  const sealedIntake = await measure('intake: seal (1 recipient) + stringify + parse + open', async () => {
    const wire = JSON.stringify(await hotline.seal(IntakeSubmitted, intake));
    return workOrder.open(IntakeSubmitted, JSON.parse(wire));
  });
  const sealOnly = await measure('intake: seal + stringify (outbox side)', async () =>
    JSON.stringify(await hotline.seal(IntakeSubmitted, intake)),
  );
  const wireIntake = JSON.stringify(await hotline.seal(IntakeSubmitted, intake));
  const openOnly = await measure('intake: parse + open (consumer side)', async () =>
    workOrder.open(IntakeSubmitted, JSON.parse(wireIntake)),
  );
  const plainDispatch = await measure('dispatch: JSON.stringify + JSON.parse (baseline)', () =>
    JSON.parse(JSON.stringify(dispatch)),
  );
  const sealedDispatch = await measure('dispatch: seal (for its handler) + stringify + parse + open', async () => {
    const wire = JSON.stringify(await workOrder.seal(WorkOrderDispatched, dispatch));
    return legalAid.open(WorkOrderDispatched, JSON.parse(wire));
  });
  const sealedBroadcast = await measure(
    'dispatch to no consumer: seal (3 recipients) + stringify + parse + open',
    async () => {
      const wire = JSON.stringify(await workOrder.seal(WorkOrderDispatched, broadcast));
      return legalAid.open(WorkOrderDispatched, JSON.parse(wire));
    },
  );
  const atRest = await measure('at rest: PiiProtector encrypt + decrypt of one phone number', () =>
    pii.decrypt(pii.encrypt('13812345678')),
  );
  // The three alternate in rounds so that a change of load on the machine hits them alike.
  const x25519 = generateKeyPairSync('x25519');
  const libraries = {
    sealer: async () => workOrder.sealer.open(await hotline.sealer.seal(intake.applicant, ['work-order'])),
    jose5: joseRoundTrip(jose5, intake.applicant, x25519),
    jose6: joseRoundTrip(jose6, intake.applicant, x25519),
  };
  const libraryRuns: Record<keyof typeof libraries, Measured[]> = { sealer: [], jose5: [], jose6: [] };
  for (let pass = 0; pass < 3; pass++) {
    for (const name of ['sealer', 'jose5', 'jose6'] as const) {
      libraryRuns[name].push(await measure(`${name}: intake applicant seal + open`, libraries[name], ITERATIONS / 2));
    }
  }
  const median = (runs: Measured[], key: 'cpuUsPerOp' | 'wallUsPerOp'): number =>
    [...runs.map((r) => r[key])].sort((a, b) => a - b)[1]!;
  const libraryNames = { sealer: 'node:crypto (the sealer)', jose5: 'jose 5.x', jose6: 'jose 6.x' };
  const libraryRows: Measured[] = (['sealer', 'jose5', 'jose6'] as const).map((name) => ({
    name: `${libraryNames[name]}: one applicant sealed (1 recipient) + opened (median of 3 rounds)`,
    iterations: libraryRuns[name][0]!.iterations * 3,
    cpuUsPerOp: median(libraryRuns[name], 'cpuUsPerOp'),
    wallUsPerOp: median(libraryRuns[name], 'wallUsPerOp'),
  }));

  const sizes = {
    intakePlainBytes: Buffer.byteLength(JSON.stringify(intake)),
    intakeSealedBytes: Buffer.byteLength(wireIntake),
    dispatchPlainBytes: Buffer.byteLength(JSON.stringify(dispatch)),
    dispatchSealedBytes: Buffer.byteLength(JSON.stringify(await workOrder.seal(WorkOrderDispatched, dispatch))),
    phoneAtRestChars: pii.encrypt('13812345678').length,
  };
  const rows = [
    plainIntake,
    sealedIntake,
    sealOnly,
    openOnly,
    plainDispatch,
    sealedDispatch,
    sealedBroadcast,
    atRest,
    ...libraryRows,
  ];
  const overheadIntake = round(sealedIntake.cpuUsPerOp - plainIntake.cpuUsPerOp, 1);
  const overheadDispatch = round(sealedDispatch.cpuUsPerOp - plainDispatch.cpuUsPerOp, 1);
  const md = [
    `${ITERATIONS} iterations each, sequential, one process; CPU = process.cpuUsage() user + system.`,
    '',
    table(
      ['operation', 'CPU µs/op', 'wall µs/op', 'vs. JSON baseline'],
      rows.map((r) => [
        r.name,
        r.cpuUsPerOp,
        r.wallUsPerOp,
        r.name.startsWith('dispatch')
          ? `×${round(r.cpuUsPerOp / plainDispatch.cpuUsPerOp, 0)}`
          : `×${round(r.cpuUsPerOp / plainIntake.cpuUsPerOp, 0)}`,
      ]),
    ),
    '',
    `Sealing adds ${overheadIntake} µs of CPU per intake (seal + open) and ${overheadDispatch} µs per dispatch (sealed for its handler). ` +
      `Sizes: intake ${sizes.intakePlainBytes} → ${sizes.intakeSealedBytes} bytes, dispatch ${sizes.dispatchPlainBytes} → ${sizes.dispatchSealedBytes} bytes; ` +
      `a phone number at rest is ${sizes.phoneAtRestChars} characters. ` +
      `Same JWE, same process, CPU per seal + open: node:crypto ${libraryRows[0]!.cpuUsPerOp} µs, ` +
      `jose 5 ${libraryRows[1]!.cpuUsPerOp} µs, jose 6 ${libraryRows[2]!.cpuUsPerOp} µs ` +
      `(jose 6 / jose 5 ×${round(libraryRows[2]!.cpuUsPerOp / libraryRows[1]!.cpuUsPerOp, 2)}, ` +
      `jose 6 / node:crypto ×${round(libraryRows[2]!.cpuUsPerOp / libraryRows[0]!.cpuUsPerOp, 2)}).`,
  ].join('\n');
  const files = writeResults('pii-sealing', machine, { iterations: ITERATIONS, results: rows, sizes }, md, {
    intakeSealOpenCpuUs: sealedIntake.cpuUsPerOp,
    intakeJsonCpuUs: plainIntake.cpuUsPerOp,
    dispatchSealOpenCpuUs: sealedDispatch.cpuUsPerOp,
    sealerSealOpenCpuUs: libraryRows[0]!.cpuUsPerOp,
    jose5SealOpenCpuUs: libraryRows[1]!.cpuUsPerOp,
    jose6SealOpenCpuUs: libraryRows[2]!.cpuUsPerOp,
  });
  console.log(`\n${md}\n\nwritten: ${files.json}, ${files.markdown}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
