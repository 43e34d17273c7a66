import { describe, expect, it } from 'vitest';
import { titleCaseView } from '../../src/segment/title-case.js';
import { truecaseView } from '../../src/segment/truecase.js';
import { annotate } from '../../src/index.js';

/** A body in running text that writes the headline's common words in lower case. */
const BODY = '\nA court has convicted a friend of the bombing suspect. The friend was found guilty of hampering the probe in a court in Boston.';

describe('a headline in title case, read as running text writes it', () => {
  it.each([
    ['the words the body writes in lower case go to lower case, names keep their capital', 'Court Convicts Friend of Boston Bombing Suspect', 'Court convicts friend of Boston bombing suspect'],
    ['a word the body never writes is cased by the truecase table', 'Court Convicts Friend of Boston Bombing Suspect After Hampering Probe', 'Court convicts friend of Boston bombing suspect after hampering probe'],
    ['acronyms stay in capitals, the first word keeps its capital', 'Friend of NATO Bombing Suspect Found Guilty in Boston', 'Friend of NATO bombing suspect found guilty in Boston'],
    ['the first word after a colon keeps its capital', 'Boston: Friend of Bombing Suspect Found Guilty', 'Boston: Friend of bombing suspect found guilty'],
  ])('%s', (_why, headline, expected) => {
    const text = headline + BODY;
    const view = titleCaseView(text);
    expect(view).toHaveLength(text.length);
    expect(view).toBe(expected + BODY);
    // The pipeline's view does the same (no passage here is in capitals).
    expect(truecaseView(text)).toBe(view);
  });

  it.each([
    ['a list of names in title case after a list marker', '* United States Air Force Security Forces'],
    ['a line that ends in a full stop (a sentence in title case is rare, a list of names with an abbreviation is not)', 'Court Convicts Friend of Boston Bombing Suspect.'],
    ['a line with a lower-case word that is not a minor one', 'The court convicts a Friend of the Boston Bombing Suspect'],
    ['a line of three words', 'Boston Bombing Suspect'],
    ['a line mostly in capitals (the capitals view reads those)', 'COURT CONVICTS FRIEND OF BOSTON Bombing'],
  ])('leaves alone %s', (_why, headline) => {
    const text = headline + BODY;
    expect(titleCaseView(text)).toBe(text);
  });

  it('leaves alone a headline whose words the document never writes in lower case (a name in title case)', () => {
    const text = 'Air Force Office of Special Investigations\nThe Air Force Office of Special Investigations said on Monday that it had opened an inquiry.';
    expect(titleCaseView(text)).toBe(text);
    expect(titleCaseView('Court Convicts Friend of Boston Bombing Suspect')).toBe('Court Convicts Friend of Boston Bombing Suspect');
  });

  it('the annotated headline gives the place and no name made of its words', () => {
    const headline = 'Kyrgyzstan National Pleads Not Guilty to Hampering Boston Bomb Probe';
    const doc = annotate(`${headline}\nBOSTON —\n A citizen of Kyrgyzstan on Wednesday pleaded not guilty to charges of hampering the bomb probe. The national of Kyrgyzstan faces one count.`, { id: 'headline' });
    const names = doc.mentions.filter((m) => ['group', 'person', 'place', 'country'].includes(m.type));
    for (const m of doc.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
    expect(names.filter((m) => m.end <= headline.length).map((m) => `${m.type} ${m.text}`)).toEqual(['country Kyrgyzstan', 'place Boston']);
    expect(names.find((m) => m.text === 'BOSTON')?.type).toBe('place');
  });
});
