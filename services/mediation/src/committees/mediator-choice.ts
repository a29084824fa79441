export interface MediatorCandidate {
  id: string;
  name: string;
  specialties: readonly string[];
  openCases: number;
  maxOpenCases: number;
}

export interface MediatorChoice {
  mediator: MediatorCandidate | undefined;
  /** false when every candidate is at or over their maximum of open cases. */
  hasCapacity: boolean;
  reason: string;
}

function load(m: MediatorCandidate): number {
  return m.maxOpenCases <= 0 ? Number.POSITIVE_INFINITY : m.openCases / m.maxOpenCases;
}

function byLoad(a: MediatorCandidate, b: MediatorCandidate): number {
  return load(a) - load(b) || a.openCases - b.openCases || a.id.localeCompare(b.id);
}

/**
 * The mediator for a dispute: among those with free capacity, the specialists in its category first,
 * the least loaded (open cases / maximum) among them; with no free specialist, the least loaded
 * mediator with capacity; with nobody free, the least loaded of all (hasCapacity = false).
 */
export function chooseMediator(candidates: readonly MediatorCandidate[], category: string | undefined): MediatorChoice {
  if (candidates.length === 0)
    return { mediator: undefined, hasCapacity: false, reason: 'the committee has no active mediator' };
  const free = candidates.filter((m) => m.openCases < m.maxOpenCases);
  const specialists = category ? free.filter((m) => m.specialties.includes(category)) : [];
  const describe = (m: MediatorCandidate): string => `${m.name} (load ${m.openCases}/${m.maxOpenCases})`;
  if (specialists.length > 0) {
    const [mediator] = [...specialists].sort(byLoad);
    return {
      mediator,
      hasCapacity: true,
      reason: `${describe(mediator!)}: specialist in ${category}, least loaded of ${specialists.length} free specialist(s)`,
    };
  }
  if (free.length > 0) {
    const [mediator] = [...free].sort(byLoad);
    const why = category ? `no free specialist in ${category}` : 'dispute category unknown';
    return {
      mediator,
      hasCapacity: true,
      reason: `${describe(mediator!)}: ${why}, least loaded of ${free.length} free mediator(s)`,
    };
  }
  const [mediator] = [...candidates].sort(byLoad);
  return {
    mediator,
    hasCapacity: false,
    reason: `${describe(mediator!)}: every mediator is at capacity, least loaded of ${candidates.length} chosen by staff decision`,
  };
}
