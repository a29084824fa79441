import { Logger } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

const quiet = { error: jest.fn() } as unknown as Logger;

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs after each interval, never two runs at once, and logs a failed run without stopping', async () => {
    let active = 0;
    let maxActive = 0;
    let calls = 0;
    const task = new PeriodicTask(
      { name: 'probe', intervalMs: 100 },
      async () => {
        calls++;
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 250));
        active--;
        if (calls === 1) throw new Error('boom');
      },
      quiet,
    );
    task.start();
    await jest.advanceTimersByTimeAsync(99);
    expect(calls).toBe(0);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(3);
    expect(maxActive).toBe(1);
    expect(quiet.error).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.any(Error) }),
      'probe failed; retrying at the next interval',
    );
    await task.stop();
  });

  it('runs at once with runAtStart, stop() waits for the run in flight and nothing runs after it', async () => {
    let finished = 0;
    const task = new PeriodicTask(
      { name: 'probe', intervalMs: 100, runAtStart: true },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished++;
      },
      quiet,
    );
    task.start();
    await jest.advanceTimersByTimeAsync(10);
    const stopping = task.stop();
    expect(task.isStopped).toBe(true);
    await jest.advanceTimersByTimeAsync(50);
    await stopping;
    expect(finished).toBe(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(finished).toBe(1);
  });

  it('stretches each wait by up to the jitter, never shortens it, and waits exactly with jitter 0', async () => {
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.999);
    const work = jest.fn(async () => undefined);
    const jittered = new PeriodicTask({ name: 'probe', intervalMs: 1000, jitter: 0.2 }, work, quiet);
    jittered.start();
    await jest.advanceTimersByTimeAsync(1_197);
    expect(work).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(3);
    expect(work).toHaveBeenCalledTimes(1);
    await jittered.stop();
    random.mockReturnValue(0);
    const early = new PeriodicTask({ name: 'probe', intervalMs: 1000, jitter: 0.2 }, work, quiet);
    early.start();
    await jest.advanceTimersByTimeAsync(999);
    expect(work).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(2);
    await early.stop();
    random.mockReturnValue(0.999);
    const exact = new PeriodicTask({ name: 'probe', intervalMs: 1000, jitter: 0 }, work, quiet);
    exact.start();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(work).toHaveBeenCalledTimes(3);
    await exact.stop();
    random.mockRestore();
  });

  it('never runs with an interval of 0', async () => {
    const work = jest.fn(async () => undefined);
    const task = new PeriodicTask({ name: 'probe', intervalMs: 0, runAtStart: true }, work, quiet);
    task.start();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(work).not.toHaveBeenCalled();
  });
});
