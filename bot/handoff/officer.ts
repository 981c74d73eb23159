/** Who answers handoffs: officers handle some sectors (lĩnh vực); a supervisor sees all. */
export const OFFICER_ROLES = ['officer', 'supervisor'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export interface Officer {
  id: string;
  username: string;
  displayName: string;
  role: OfficerRole;
  /** Sector names as in the catalog (Procedure.sector), e.g. "Hộ tịch". */
  sectors: string[];
}

/** Whether the officer may see and take a ticket of this sector (no sector: everyone's). */
export function handlesSector(officer: Officer, sector: string | null): boolean {
  return officer.role === 'supervisor' || sector === null || officer.sectors.includes(sector);
}

/** Looks officers up by id (the account store fits). */
export interface OfficerDirectory {
  get(id: string): Promise<Officer | null>;
  list(): Promise<Officer[]>;
}
