// CPU cost of sealing personal data in events, next to plain JSON serialisation in the same run:
//   node -r ./test/swc-register.js bench/pii-sealing.ts        (BENCH_ITERATIONS, default 2000)
// Per intake: the outbox's seal (ECDH-ES+A256KW for each consumer, AES-256-GCM) + JSON.stringify, the
// consumer's JSON.parse + open; baseline: JSON.stringify + JSON.parse of the same plain payload.
// Also a dispatch (sealed for its handler; and for all three handlers when it names none) and the at-rest keyring.
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

  const sizes = {
    intakePlainBytes: Buffer.byteLength(JSON.stringify(intake)),
    intakeSealedBytes: Buffer.byteLength(wireIntake),
    dispatchPlainBytes: Buffer.byteLength(JSON.stringify(dispatch)),
    dispatchSealedBytes: Buffer.byteLength(JSON.stringify(await workOrder.seal(WorkOrderDispatched, dispatch))),
    phoneAtRestChars: pii.encrypt('13812345678').length,
  };
  const rows = [plainIntake, sealedIntake, sealOnly, openOnly, plainDispatch, sealedDispatch, sealedBroadcast, atRest];
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
      `a phone number at rest is ${sizes.phoneAtRestChars} characters.`,
  ].join('\n');
  const files = writeResults('pii-sealing', machine, { iterations: ITERATIONS, results: rows, sizes }, md, {
    intakeSealOpenCpuUs: sealedIntake.cpuUsPerOp,
    intakeJsonCpuUs: plainIntake.cpuUsPerOp,
    dispatchSealOpenCpuUs: sealedDispatch.cpuUsPerOp,
  });
  console.log(`\n${md}\n\nwritten: ${files.json}, ${files.markdown}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
