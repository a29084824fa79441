import type { ChildService } from './launcher';
import { sleep } from './sleep';

export interface ResourceWindow {
  service: string;
  pid: number;
  rssMeanMiB: number;
  rssPeakMiB: number;
  /** Share of one core used over the window (100 = one core busy). */
  cpuPercent: number;
  /** Time its threads were runnable but waited for a CPU, as a share of the window (CPU starvation by the machine). */
  runQueueWaitPercent: number;
}

interface Sample {
  at: number;
  rss: number;
  cpu: number;
  wait: number;
}

/** Samples RSS (VmRSS) and CPU time of every bench-started service once a second. */
export class ResourceSampler {
  private readonly samples = new Map<ChildService, Sample[]>();
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(private readonly services: () => readonly ChildService[]) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  sampleNow(): void {
    const at = performance.now();
    for (const s of this.services()) {
      if (!s.running) continue;
      let list = this.samples.get(s);
      if (!list) {
        list = [];
        this.samples.set(s, list);
      }
      list.push({ at, rss: s.rssMiB(), cpu: s.cpuSeconds(), wait: s.runQueueWaitSeconds() });
    }
  }

  /** Per service over [from, to] (performance.now() times). */
  window(from: number, to: number): ResourceWindow[] {
    const out: ResourceWindow[] = [];
    for (const [service, list] of this.samples) {
      const inside = list.filter((x) => x.at >= from && x.at <= to && Number.isFinite(x.rss));
      const first = inside[0];
      const last = inside[inside.length - 1];
      if (!first || !last) continue;
      const wall = (last.at - first.at) / 1000;
      out.push({
        service: service.name,
        pid: service.pid,
        rssMeanMiB: Math.round((inside.reduce((a, x) => a + x.rss, 0) / inside.length) * 10) / 10,
        rssPeakMiB: Math.max(...inside.map((x) => x.rss)),
        cpuPercent: wall > 0 ? Math.round(((last.cpu - first.cpu) / wall) * 1000) / 10 : NaN,
        runQueueWaitPercent: wall > 0 ? Math.round(((last.wait - first.wait) / wall) * 1000) / 10 : NaN,
      });
    }
    return out.sort((a, b) => a.service.localeCompare(b.service));
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.sampleNow();
      await sleep(1000);
    }
  }
}
