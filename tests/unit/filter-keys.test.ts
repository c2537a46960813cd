import { describe, expect, test } from 'vitest';
import { eventTopics } from '../../src/lib/event-topics.ts';
import { outletKey } from '../../src/lib/outlet-key.ts';
import { outletOptions } from '../../src/lib/outlet-options.ts';
import { exportIncident } from '../fixtures/exports/incident.ts';

describe('outletKey', () => {
  test('makes a readable URL key of an outlet name', () => {
    expect(outletKey('Weekly, Inc.')).toBe('weekly-inc');
    expect(outletKey('Süddeutsche Zeitung')).toBe('suddeutsche-zeitung');
    expect(outletKey('  ')).toBe('outlet');
  });
});

describe('outletOptions', () => {
  test('offers each outlet once, sorted by name', () => {
    expect(outletOptions(['The Daily', 'Radio', 'The Daily'])).toEqual([
      { key: 'radio', label: 'Radio' },
      { key: 'the-daily', label: 'The Daily' },
    ]);
  });
});

describe('eventTopics', () => {
  const topics = eventTopics(exportIncident);

  test('gives an entry the topics claimed in the sentences that report it, most claimed first', () => {
    expect(topics.get('inspection')).toEqual(['cause', 'warning']);
  });

  test('gives an entry whose sentences make no claim no topic', () => {
    expect(topics.get('built')).toEqual([]);
  });
});
