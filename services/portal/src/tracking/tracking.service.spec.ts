import { accessCodeHash, WorkOrderView, WorkOrderViewService } from '@legal/platform-kit';
import type { PiiProtector } from '@legal/privacy';
import { createHmac } from 'node:crypto';
import { testCaseCode } from '@legal/testing';
import { TrackingService } from './tracking.service';

const CODE = testCaseCode();

function setup(view: Partial<WorkOrderView> | null): { tracking: TrackingService; hashes: string[] } {
  const hashes: string[] = [];
  const pii = {
    hash: (v: string): string => (hashes.push(v), createHmac('sha256', 'k').update(v).digest('hex')),
  } as unknown as PiiProtector;
  const stored = view
    ? ({
        caseCode: CODE,
        accessCodeHash: accessCodeHash(
          { hash: (v) => createHmac('sha256', 'k').update(v).digest('hex') },
          'K7QM4-X2PRT',
        ),
        ...view,
      } as WorkOrderView)
    : null;
  const views = { findByCode: async () => stored } as unknown as WorkOrderViewService;
  return { tracking: new TrackingService(views, pii), hashes };
}

describe('TrackingService.verify (issue 13 finding 2)', () => {
  it('opens a case with its access code, whatever the case and dashes', async () => {
    const { tracking } = setup({});
    await expect(tracking.verify(CODE, { accessCode: 'k7qm4x2prt' })).resolves.toMatchObject({
      verifiedBy: 'access-code',
    });
  });

  it('fails alike — same error, one keyed hash each — for an unknown code, a wrong, malformed or missing secret, and a case without one', async () => {
    const attempts: [Partial<WorkOrderView> | null, string | undefined][] = [
      [null, 'K7QM4-X2PRT'],
      [{}, 'K7QM4-X2PRU'],
      [{}, '5678'],
      [{}, undefined],
      [{ accessCodeHash: null }, 'K7QM4-X2PRT'],
    ];
    const messages: string[] = [];
    for (const [view, accessCode] of attempts) {
      const { tracking, hashes } = setup(view);
      const error = await tracking.verify(CODE, { accessCode }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      messages.push(`${(error as Error).constructor.name}: ${(error as Error).message}`);
      expect(hashes).toHaveLength(1);
    }
    expect(new Set(messages).size).toBe(1);
  });

  it('lets the signed-in citizen of the case in without the code', async () => {
    const { tracking } = setup({ citizenUserId: 'citizen-7' });
    await expect(tracking.verify(CODE, { citizen: { userId: 'citizen-7' } })).resolves.toMatchObject({
      verifiedBy: 'account',
    });
    await expect(tracking.verify(CODE, { citizen: { userId: 'someone-else' } })).rejects.toThrow();
  });
});
