import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWarningsText } from '../../../functions/adapters/weather/warnings/parseWarnings.ts';
import { DEFAULT_WARNING_RULES, type WarningRule } from '../../../functions/core/registry/WarningRule.ts';
import { CMA_BLIZZARD_THRESHOLDS } from '../../../functions/core/registry/CityPlan.ts';
import { assessWarnings } from '../../../functions/core/triggers/assessWarnings.ts';

// Real documents from each publisher: test/fixtures/warnings/README.md says where each came from.
const doc = (name: string) => readFileSync(new URL(`../../fixtures/warnings/${name}`, import.meta.url), 'utf8');
const read = (name: string) => parseWarningsText(doc(name));
const plan = (extra: WarningRule[] = []) => ({ blizzardThresholds: CMA_BLIZZARD_THRESHOLDS, warningRules: [...DEFAULT_WARNING_RULES, ...extra], leadTimeHours: 12 });
const levelAt = (name: string, at: string, extra: WarningRule[] = []) => assessWarnings(read(name).warnings, plan(extra), new Date(at)).dueLevel;

describe('CAP from the NWS (CAP 1.1 XML)', () => {
  it('maps a Blizzard Warning to I while it is in force, with the VTEC code and the area codes', () => {
    const { format, warnings } = read('nws_cap11_blizzard_warning_DLH_2021-12-27.xml');

    expect({ format, code: warnings[0]!.code, areas: warnings[0]!.areas![0]!.geocodes }).toEqual({ format: 'cap-xml', code: 'BZ.W', areas: ['FIPS6:027031', 'FIPS6:027075', 'UGC:MNZ020', 'UGC:MNZ021'] });
    expect(levelAt('nws_cap11_blizzard_warning_DLH_2021-12-27.xml', '2021-12-27T17:00:00Z')).toBe('I');
  });

  it('maps a Winter Storm Warning to II and a Winter Weather Advisory to III', () => {
    expect([levelAt('nws_cap11_winter_storm_warning_SEW_2017-03-03.xml', '2017-03-03T13:00:00Z'), levelAt('nws_cap11_winter_weather_advisory_AJK_2017-03-03.xml', '2017-03-03T15:00:00Z')]).toEqual(['II', 'III']);
  });

  it('honours expires: the advisory gives nothing after 09:00 AKST', () => {
    expect(levelAt('nws_cap11_winter_weather_advisory_AJK_2017-03-03.xml', '2017-03-03T18:01:00Z')).toBe('none');
  });

  it('reads a VTEC cancellation (CAN) as a Cancel that leaves nothing in force (derived: the DLH warning with CON → CAN)', () => {
    const cancelled = doc('nws_cap11_blizzard_warning_DLH_2021-12-27.xml').replace('/O.CON.KDLH', '/O.CAN.KDLH');

    expect(assessWarnings(parseWarningsText(cancelled).warnings, plan(), new Date('2021-12-27T17:00:00Z')).level).toBe('none');
  });

  it('follows references: an IPAWS update names the messages it replaces', () => {
    const [update] = read('nws_cap12_ipaws_hurricane_warning_update_LCH_2020-08-26.xml').warnings;

    expect({ type: update!.messageType, first: update!.references?.[0] }).toEqual({ type: 'Update', first: 'NWS-IDP-PROD-4410291-3675936' });
  });
});

describe('CAP from MeteoAlarm members', () => {
  it('reads the UK Met Office yellow ice warning (awareness 2; Yellow; Moderate) as III from its onset', () => {
    const [w] = read('meteoalarm_ukmo_yellow_ice_2022-12-07.xml').warnings;

    expect({ colour: w!.colour, codes: w!.codes, areas: w!.areas!.length }).toEqual({ colour: 'yellow', codes: ['snow-ice'], areas: 10 });
    expect(levelAt('meteoalarm_ukmo_yellow_ice_2022-12-07.xml', '2022-12-08T17:00:00Z')).toBe('III');
  });

  it('puts a warning whose onset is beyond the lead time on watch, not due', () => {
    const a = assessWarnings(read('meteoalarm_ukmo_yellow_ice_2022-12-07.xml').warnings, plan(), new Date('2022-12-07T11:00:00Z'));

    expect({ level: a.level, due: a.dueLevel, watch: a.watch }).toEqual({ level: 'III', due: 'none', watch: true });
  });

  it('reads the MeteoAlarm Atom index: one alert per identifier with all its areas, colour from the event', () => {
    const { format, warnings } = read('meteoalarm_atom_uk_yellow_snow_ice_2022-12-08.xml');
    const snow = warnings.find((w) => w.event === 'Yellow snow warning')!;

    expect({ format, colour: snow.colour, type: snow.messageType, level: levelAt('meteoalarm_atom_uk_yellow_snow_ice_2022-12-08.xml', '2022-12-08T01:00:00Z') }).toEqual({ format: 'cap-atom', colour: 'yellow', type: 'Update', level: 'III' });
    expect(new Set(warnings.map((w) => w.id)).size).toBe(warnings.length);
  });

  it('reads MeteoAlarm JSON: Bosnia\'s snow-ice yellow is III; one language of the two', () => {
    const { format, warnings } = read('meteoalarm_json_bosnia_snow-ice_yellow_2024-01.json');

    expect({ format, english: warnings.every((w) => !/Snijeg/.test(w.event)), level: levelAt('meteoalarm_json_bosnia_snow-ice_yellow_2024-01.json', '2024-01-07T18:00:00Z') }).toEqual({ format: 'meteoalarm-json', english: true, level: 'III' });
  });

  it('leaves a red wind warning unmapped: Croatia\'s level comes from snow-ice only', () => {
    const a = assessWarnings(read('meteoalarm_json_croatia_mixed_snow-ice_yellow_wind_red_2024-01.json').warnings, plan(), new Date('2024-01-07T12:00:00Z'));

    expect({ level: a.level, rules: [...new Set(a.evidence.map((e) => e.rule))] }).toEqual({ level: 'III', rules: ['warning:meteo.hr:Žuto upozorenje za snijeg/poledicu'] });
  });

  it('maps Met Éireann\'s low-temperature warning only when the plan names it', () => {
    const at = '2022-12-08T06:00:00Z';

    expect([levelAt('meteoalarm_meteireann_yellow_lowtemp_ice_2022-12-06.xml', at), levelAt('meteoalarm_meteireann_yellow_lowtemp_ice_2022-12-06.xml', at, [{ match: ['low-temperature'], level: 'by-colour', watchOnly: false }])]).toEqual(['none', 'III']);
  });

  it('reads Météo-France\'s all-clear avalanche update, which expires as it takes effect, as nothing in force', () => {
    expect(levelAt('meteoalarm_meteofrance_yellow_avalanche_update_2022-12-07.xml', '2022-12-07T05:30:00Z', [{ match: ['avalanches'], level: 'by-colour', watchOnly: false }])).toBe('none');
  });
});

describe('CAP from other national services, mapped where the plan names them', () => {
  it('Environment Canada (signed, bilingual, Update with 9 references): the snowfall warning by the plan\'s rule', () => {
    const { warnings } = read('eccc_cap12_snowfall_warning_update_SK_2013-01-24_signed.xml');

    expect({ n: warnings.length, event: warnings[0]!.event, refs: warnings[0]!.references!.length }).toEqual({ n: 1, event: 'snowfall', refs: 9 });
    expect(levelAt('eccc_cap12_snowfall_warning_update_SK_2013-01-24_signed.xml', '2013-01-25T00:00:00Z', [{ match: ['snowfall warning'], level: 'II', watchOnly: false }])).toBe('II');
  });

  it('an earlier message an update names is replaced (derived: the ECCC update re-issued as the Alert it refers to)', () => {
    const update = doc('eccc_cap12_snowfall_warning_update_SK_2013-01-24_signed.xml');
    const earlier = update.replace(/<identifier>[^<]+<\/identifier>/, '<identifier>2.49.0.1.124.726d2331.2013</identifier>').replace('<msgType>Update</msgType>', '<msgType>Alert</msgType>').replace(/<references>[^<]+<\/references>/, '').replace('<sent>2013-01-24T21:26:00-00:00</sent>', '<sent>2013-01-23T21:31:00-00:00</sent>');
    const warnings = [...parseWarningsText(earlier).warnings, ...parseWarningsText(update).warnings];

    expect(assessWarnings(warnings, plan([{ match: ['snowfall warning'], level: 'II', watchOnly: false }]), new Date('2013-01-25T00:00:00Z')).warnings.map((w) => w.messageType)).toEqual(['Update']);
  });

  it('DWD icy surfaces: colour from AREA_COLOR, matched to a zone by polygon', () => {
    const rules = [{ match: ['icy surfaces'], level: 'by-colour' as const, watchOnly: false }];
    const { warnings } = read('dwd_cap12_icy_surfaces_minor_update_2025-11-19.xml');
    const inside = { latitude: 49.51, longitude: 10.02 };
    const outside = { latitude: 52.52, longitude: 13.4 };

    expect(warnings[0]!.colour).toBe('yellow');
    expect([inside, outside].map((z) => assessWarnings(warnings, plan(rules), new Date('2025-11-19T20:00:00Z'), z).dueLevel)).toEqual(['III', 'none']);
  });

  it('SMHI\'s <alerts> collection: 17 alerts, heavy snow yellow (#fdeb1b) by the plan\'s rule', () => {
    const { warnings } = read('smhi_cap12_alerts_collection_snow_class1_2019-03-12.xml');

    expect({ n: warnings.length, snow: warnings.filter((w) => w.event === 'heavy snow SMHI-B' && w.colour === 'yellow').length }).toEqual({ n: 17, snow: 7 });
    expect(levelAt('smhi_cap12_alerts_collection_snow_class1_2019-03-12.xml', '2019-03-12T16:00:00Z', [{ match: ['heavy snow SMHI-B'], level: 'by-colour', watchOnly: false }])).toBe('III');
  });
});

describe('the Chinese publishers\' JSON', () => {
  it('12379: Tianjin\'s 道路结冰黄色预警 is III for a Tianjin district, nothing for Jiaozuo (GB/T 2260 area from the identifier)', () => {
    const { format, warnings } = read('cn12379_json_tianjin_road_icing_yellow_2018-01-21.json');
    const at = new Date('2018-01-21T15:00:00Z');

    expect({ format, event: warnings[0]!.event, issued: warnings[0]!.issuedAt }).toEqual({ format: 'cma-json', event: '道路结冰黄色预警', issued: '2018-01-21T14:36:38.000Z' });
    expect([{ warningAreas: ['120101'] }, { warningAreas: ['410802'] }].map((a) => assessWarnings(warnings, plan(), at, { latitude: 0, longitude: 0, ...a }).dueLevel)).toEqual(['III', 'none']);
  });

  it('12379: not known before it was sent', () => {
    expect(levelAt('cn12379_json_tianjin_road_icing_yellow_2018-01-21.json', '2018-01-21T14:00:00Z')).toBe('none');
  });

  it('weather.cma.cn: Shunyi\'s downgrade (降级) to yellow is an Update, code 11B21, level III', () => {
    const [w] = read('cma_weathercma_json_alarm_shunyi_road_icing_yellow_2023-12-17.json').warnings;

    expect({ type: w!.messageType, code: w!.code, colour: w!.colour, level: levelAt('cma_weathercma_json_alarm_shunyi_road_icing_yellow_2023-12-17.json', '2023-12-17T04:00:00Z') }).toEqual({ type: 'Update', code: '11B21', colour: 'yellow', level: 'III' });
  });
});

describe('hostile or broken documents', () => {
  it('refuses a DOCTYPE (external entity) unread', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY x SYSTEM "file:///etc/passwd">]>${doc('meteoalarm_ukmo_yellow_ice_2022-12-07.xml').replace(/^<\?xml[^>]*\?>/, '').replace('Yellow ice warning', '&x;')}`;

    expect(() => parseWarningsText(xxe)).toThrow('cap: body: a document type declaration (<!DOCTYPE / <!ENTITY) is not allowed in CAP: refused unread');
  });

  it('refuses entity expansion (billion laughs) unread', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><alert><identifier>&lol2;</identifier></alert>';

    expect(() => parseWarningsText(bomb)).toThrow(/document type declaration/);
  });

  it('names the field of a time without an offset', () => {
    const bad = doc('meteoalarm_ukmo_yellow_ice_2022-12-07.xml').replace('<onset>2022-12-08T16:00:00+00:00</onset>', '<onset>2022-12-08T16:00:00</onset>');

    expect(() => parseWarningsText(bad)).toThrow('cap: alert[0].info[0].onset: "2022-12-08T16:00:00" is not a date-time with an offset');
  });

  it('refuses XML that is not CAP, naming its root', () => {
    expect(() => parseWarningsText('<?xml version="1.0"?><rss><channel/></rss>')).toThrow('XML whose root is <rss>');
  });
});
