import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../open-database';
import { districts, stations } from '../schema';

export type StationRow = typeof stations.$inferSelect;

export interface OrganisationRepo {
  insertDistrict(row: typeof districts.$inferInsert): void;
  insertStation(row: typeof stations.$inferInsert): void;
  stationById(id: string): StationRow | null;
}

export function createOrganisationRepo(db: AppDatabase): OrganisationRepo {
  return {
    insertDistrict(row) {
      db.insert(districts).values(row).run();
    },
    insertStation(row) {
      db.insert(stations).values(row).run();
    },
    stationById: (id) => db.select().from(stations).where(eq(stations.id, id)).get() ?? null,
  };
}
