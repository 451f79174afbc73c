/**
 * The shared planning contract and properties, run against the embedded SQLite planning (in memory).
 */
import { createSqlitePlanning } from '../../src/planning/sqlite';
import { describePlanningContract, describePlanningProperties, type MakePlanning } from './contract';

const make: MakePlanning = async (dealer, { clock, holdMinutes }) => createSqlitePlanning(dealer, { file: ':memory:', clock, holdMinutes });

describePlanningContract('SQLite', make);
describePlanningProperties('SQLite', make);
