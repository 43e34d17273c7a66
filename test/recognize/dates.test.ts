import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';
import { findDates } from '../../src/recognize/dates.js';
import { parseAnchor } from '../../src/link/date-value.js';
import type { Mention } from '../../src/doc.js';

/**
 * The date grammar through the public API: a sentence and its document date in, every date
 * mention out as `text=value` (text order). Each row lists ALL the dates the sentence holds, so a
 * row also fails when something extra is found. Sentences are written for these tests.
 */

function dates(text: string, date: string | null): Mention[] {
  return annotate(text, { date }).mentions.filter((m) => m.type === 'date');
}

const found = (text: string, date: string | null): string[] => dates(text, date).map((m) => `${m.text}=${m.value}`);

// 9 August 2025 is a Saturday, in ISO week 32.
const SAT = '2025-08-09';

describe('dates: spans and values at the granularity the text gives', () => {
  it.each<[string, string | null, string[]]>([
    ['The report was published on 9 August 2025.', SAT, ['9 August 2025=2025-08-09']],
    ['Fighting resumed in March 2024, officials said.', SAT, ['March 2024=2024-03']],
    ['In 2021, the group regrouped in the east.', SAT, ['2021=2021']],
    ['Attacks were rare in the 1990s.', SAT, ['1990s=199']],
    ['Raids in the mid-2010s displaced thousands.', SAT, ['mid-2010s=201']],
    ['The town fell in early 2024.', SAT, ['early 2024=2024']],
    ['The deal collapsed in late 2006.', SAT, ['late 2006=2006']],
    ['A new version is due in mid-2011.', SAT, ['mid-2011=2011']],
    ['The mission ends at the end of 2023.', SAT, ['the end of 2023=2023']],
    ['Output fell in the first half of 2024.', SAT, ['the first half of 2024=2024-H1']],
    ['Revenue rose in Q3 2024.', SAT, ['Q3 2024=2024-Q3']],
    ['It lost $6 billion in the first quarter of 2009.', SAT, ['the first quarter of 2009=2009-Q1']],
    ['The coup took place on Monday, 4 March 2024, before dawn.', SAT, ['Monday, 4 March 2024=2024-03-04']],
    ['The decree was signed on March 12, 2009.', SAT, ['March 12, 2009=2009-03-12']],
    ['Boeing said so on September 08 , 2007 in Seattle .', SAT, ['September 08 , 2007=2007-09-08']],
    ['The file is dated 2024-03-22.', SAT, ['2024-03-22=2024-03-22']],
    ['The event was on 7/8/07, in the American format.', SAT, ['7/8/07=2007-07-08']],
    ['The ministers met from 5-6 April 2016 in Ankara.', SAT, ['5-6 April 2016=2016-04-05/2016-04-06']],
    ['Hama fell on the night of 7–8 December.', '2024-12-10', ['7–8 December=2024-12-07/2024-12-08']],
    ['Regional aid fell between 2014–16, the report says.', SAT, ['2014–16=2014/2016']],
    ['It recalls the boxy cars of the 70s and 80s.', SAT, ['70s=197', '80s=198']],
    ['Migration peaked in spring 2024.', SAT, ['spring 2024=2024-SP']],
    ['The problem dates from the 19th century.', SAT, ['19th century=18']],
    ['The city was founded around 575 BC by settlers.', SAT, ['575 BC=BC0575']],
    ['Vesuvius erupted in AD 79.', SAT, ['AD 79=0079']],
  ])('%s (%s)', (text, date, expected) => {
    expect(found(text, date)).toEqual(expected);
  });

  it('gives modifiers, intervals and the anchor', () => {
    const [early] = dates('The town fell in early 2024.', SAT);
    expect(early.date).toMatchObject({ value: '2024', granularity: 'year', mod: 'START', interval: { start: '2024-01-01', end: '2024-12-31' } });
    const [may] = dates('The offensive began in May.', SAT);
    expect(may.date).toEqual({ value: '2025-05', granularity: 'month', interval: { start: '2025-05-01', end: '2025-05-31' }, anchor: SAT });
    const [decade] = dates('Attacks were rare in the 1990s.', SAT);
    expect(decade.date).toMatchObject({ granularity: 'decade', interval: { start: '1990-01-01', end: '1999-12-31' } });
  });
});

describe('dates: resolved against the document date (news reports the past)', () => {
  it.each<[string, string | null, string[]]>([
    ['The offensive began in May.', SAT, ['May=2025-05']],
    ['The offensive began in October.', SAT, ['October=2024-10']],
    ['Elections will be held in October.', SAT, ['October=2025-10']],
    ['The militants attacked on Tuesday.', SAT, ['Tuesday=2025-08-05']],
    ['Talks are set to resume on Tuesday.', SAT, ['Tuesday=2025-08-12']],
    ['Talks resumed on Saturday.', SAT, ['Saturday=2025-08-09']],
    ['The army, which will withdraw next year, announced on Monday that it had won.', SAT, ['next year=2026', 'Monday=2025-08-04']],
    ['A June 3 hearing has been scheduled.', '2009-05-14', ['June 3=2009-06-03']],
    ['She made its maiden flight on 11 December.', '2010-01-25', ['11 December=2009-12-11']],
    ['They signed the agreement in Paris on June 15.', '2009-06-18', ['June 15=2009-06-15']],
    ['Yesterday, gunmen killed five people.', SAT, ['Yesterday=2025-08-08']],
    ['The ministry said today that the road was open.', SAT, ['today=2025-08-09']],
    ['Shelling resumed earlier today near the border.', SAT, ['earlier today=2025-08-09']],
    ['The spokesman spoke this morning.', SAT, ['this morning=2025-08-09TMO']],
    ['The convoy was hit on Friday morning.', SAT, ['Friday morning=2025-08-08TMO']],
    ['Drones struck last night.', SAT, ['last night=2025-08-08TNI']],
    ['He visited Kabul last week.', SAT, ['last week=2025-W31']],
    ['Talks continue this week.', SAT, ['this week=2025-W32']],
    ['Protests are planned this weekend.', SAT, ['this weekend=2025-W32-WE']],
    ['Prices fell last month and may rise next month.', SAT, ['last month=2025-07', 'next month=2025-09']],
    ['Fewer died last year than this year.', SAT, ['last year=2024', 'this year=2025']],
    ['A vote is expected by the end of the year.', SAT, ['the end of the year=2025']],
    ['Profits doubled during the last quarter.', '2007-01-18', ['the last quarter=2006-Q4']],
    ['Foreclosures rose in the fourth quarter.', '2007-03-13', ['the fourth quarter=2006-Q4']],
    ['Our third-quarter results were strong.', '2009-11-03', ['third-quarter=2009-Q3']],
    ['Talks ended two days ago.', SAT, ['two days ago=2025-08-07']],
    ['The ceasefire broke down a year ago.', SAT, ['a year ago=2024']],
    ['Aid has not arrived since last September.', '2009-10-12', ['last September=2009-09']],
    ['Makers reported their January sales.', '2009-02-03', ['January=2009-01']],
    ['Thousands joined the March on Washington.', SAT, []],
    ['The dealers will close by early June.', '2009-05-14', ['early June=2009-06']],
    ['Franchises won\'t be renewed after October of next year.', '2009-05-15', ['October=2010-10', 'next year=2010']],
    ['It snowed heavily last winter.', SAT, ['last winter=2024-WI']],
    ['It marked the third time in the past decade.', '2011-01-17', ['the past decade=200']],
    ['Two coups in 2022, in January and September, left him in charge.', SAT, ['2022=2022', 'January=2022-01', 'September=2022-09']],
    ['Fighters attacked on 3 March 2024. The same day, aid stopped.', SAT, ['3 March 2024=2024-03-03', 'The same day=2024-03-03']],
    ['On 19 July 2024 a drone struck. The next day, jets replied.', SAT, ['19 July 2024=2024-07-19', 'The next day=2024-07-20']],
    ['Stocks rose on Friday, ending the day 2% higher.', '2009-08-21', ['Friday=2009-08-21', 'the day=2009-08-21']],
    ['Gunmen struck on 2 May 2024. Two days later, the army replied.', SAT, ['2 May 2024=2024-05-02', 'Two days later=2024-05-04']],
    ['The ceasefire began on 2 May 2024; it had been agreed the day before.', SAT, ['2 May 2024=2024-05-02', 'the day before=2024-05-01']],
    ['Sales fell 35% in January 2009, compared to the same month a year ago.', SAT, ['January 2009=2009-01', 'the same month a year ago=2008-01']],
    ['The envoy will visit from 12 to 14 March.', '2025-03-01', ['12 to 14 March=2025-03-12/2025-03-14']],
    ['The index was down 2.62 % at 14:48 UTC , a slight rise.', '2008-10-06', ['14:48 UTC=2008-10-06T14:48Z']],
    ['At 0800 GMT, the bank injected cash.', '2008-09-18', ['0800 GMT=2008-09-18T08:00Z']],
    ['It filed at 12:00 UTC Monday in Manhattan.', '2009-06-01', ['12:00 UTC Monday=2009-06-01T12:00Z']],
    ['The plane landed at 6:40 pm local time.', '2007-10-17', ['6:40 pm local time=2007-10-17T18:40']],
    ['Witnesses heard it at around 5.30pm local time.', '2016-06-20', ['5.30pm local time=2016-06-20T17:30']],
    ['WATCHMEN REPORTED THAT AT 2030 THEY SAW A MAN.', '1989-08-30', []],
    ['KIDNAPPINGS OF WEALTHY SALVADORANS IN THE EARLY 1980\'S.', '1989-04-04', ["EARLY 1980'S=198"]],
    ['Attacks rise during Ramadan.', '2016-06-20', ['Ramadan=2016-06-06/2016-07-05']],
    ['A truce was declared for Eid al-Adha 2024.', SAT, ['Eid al-Adha 2024=2024-06-16']],
    ['The prisoners were freed at Christmas.', SAT, ['Christmas=2024-12-25']],
  ])('%s (%s)', (text, date, expected) => {
    expect(found(text, date)).toEqual(expected);
  });
});

describe('dates: vague references', () => {
  it.each<[string, string[]]>([
    ['Its fortunes have waned of late.', ['of late=PAST_REF']],
    ['The group has recently lost ground.', ['recently=PAST_REF']],
    ['Attacks have grown in recent years.', ['recent years=PAST_REF']],
    ['Such raids were common in the past.', ['the past=PAST_REF']],
    ['The camp currently holds 5,000 people.', ['currently=PRESENT_REF']],
    ['The border stays closed for the time being.', ['the time being=PRESENT_REF']],
    ['More troops will arrive in the coming months.', ['the coming months=FUTURE_REF']],
    ['Growth looks good in the near term.', ['the near term=FUTURE_REF']],
  ])('%s', (text, expected) => {
    expect(found(text, SAT)).toEqual(expected);
  });
});

describe('dates: without a document date the text keeps what it gives', () => {
  it.each<[string, string[]]>([
    ['The ministers met in Canberra on 12 February.', ['12 February=XXXX-02-12']],
    ['Talks will be held in Geneva in February.', ['February=XXXX-02']],
    ['The minister spoke today in London.', ['today=XXXX-XX-XX']],
    ['Fighting resumed on Monday.', ['Monday=XXXX-WXX-1']],
    ['Aid has been blocked since 2012.', ['2012=2012']],
    ['We will host talks in mid January.', ['mid January=XXXX-01']],
  ])('%s', (text, expected) => {
    expect(found(text, null)).toEqual(expected);
  });
});

describe('dates: negative cases', () => {
  it.each<[string, string | null]>([
    ['The rebels may attack the base.', SAT],
    ['Troops march on the capital.', SAT],
    ['Thousands March On Capital', SAT],
    ['They plan to March to the border.', SAT],
    ['This May Be The Last Chance', SAT],
    ['THE REBELS SAID THEY MAY ATTACK THE BASE', SAT],
    ['The army sent 2000 troops.', SAT],
    ['A 2000-strong force entered the town.', SAT],
    ['It cost $2021 to repair.', SAT],
    ['Resolution 2254 calls for a ceasefire.', SAT],
    ['Flight 1549 landed safely.', SAT],
    ['Is it over?', SAT],
    ['The score was 2:1 at half time.', SAT],
    ['Police counted 1,600 protesters.', SAT],
    ['The KC-30s were delivered.', SAT],
    ['Markets remember Black Monday.', SAT],
    ['The Sunday Times reported the raid.', SAT],
    ['The Taliban prepared their spring offensive.', SAT],
    ['After the fall of Kabul, the Arab Spring was forgotten.', SAT],
    ['He met Theresa May and the Future Movement.', SAT],
    ['Now that the war is over, they have now left.', SAT],
    ['The suspect is a man in his early 30s.', SAT],
    ['Growth was 5.30 percent.', SAT],
  ])('%s', (text, date) => {
    expect(found(text, date)).toEqual([]);
  });
});

describe('dates: spans', () => {
  it('never include a leading preposition or trailing punctuation, and never cross a line', () => {
    const text = 'In 2021, the group struck.\nOn Friday\nSeptember 18, 2008 was quiet.';
    const ms = dates(text, '2008-09-18');
    expect(ms.map((m) => m.text)).toEqual(['2021', 'Friday', 'September 18, 2008']);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('cross a single line break only in hard-wrapped wire copy', () => {
    const line = 'THE GUERRILLAS SAID THAT THE ATTACK ON THE BASE TOOK PLACE IN THE NIGHT OF';
    const wire = `${line}\n${line}\n${line} 3\nMARCH 1989 AND THAT MORE WOULD FOLLOW IN THE COMING\nWEEKS, ACCORDING TO THE COMMUNIQUE ISSUED IN THE CAPITAL.`;
    expect(found(wire, '1989-03-10').map((d) => d.replace('\n', ' '))).toEqual(['3 MARCH 1989=1989-03-03', 'THE COMING WEEKS=FUTURE_REF']);
  });

  it('carry a rule id and a confidence', () => {
    for (const m of dates('On 3 March 2024, and again in May, and recently.', SAT)) {
      expect(m.source).toMatch(/^rule:date\//);
      expect(m.confidence).toBeGreaterThan(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('come from a scan that finishes on inputs built to make regular expressions backtrack', () => {
    // Long runs of near-misses straight into the recognizer: each must finish (no catastrophic
    // backtracking; a quadratic scan of these would take minutes) and find no overlong span.
    const runs = ['May '.repeat(3000), '1 '.repeat(5000), `${'the '.repeat(3000)}day`, `${' '.repeat(20000)}2`, '12:'.repeat(4000), 'early-'.repeat(3000), `${'May and '.repeat(2000)}`];
    for (const text of runs) expect(findDates(text, parseAnchor(SAT)).filter((m) => m.end - m.start > 40)).toEqual([]);
  });
});
