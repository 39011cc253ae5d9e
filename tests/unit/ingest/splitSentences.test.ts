import { splitSentences } from '../../../server/ingest/splitSentences';

describe('splitSentences', () => {
  it('splits at sentence ends and keeps offsets into the body', () => {
    const body = 'Russia invaded Ukraine. The war began in 2022.';
    const sentences = splitSentences(body);
    expect(sentences.map((s) => s.text)).toEqual(['Russia invaded Ukraine.', 'The war began in 2022.']);
    expect(sentences.map((s) => body.slice(s.start, s.end))).toEqual([
      'Russia invaded Ukraine.',
      'The war began in 2022.',
    ]);
  });

  it('does not end a sentence at an abbreviation or an initial', () => {
    const sentences = splitSentences(
      'X Corp., the company, met Serhii K. and said so. Taiwan Semiconductor Manufacturing Co. (TSMC) agreed.',
    );
    expect(sentences.map((s) => s.text)).toEqual([
      'X Corp., the company, met Serhii K. and said so.',
      'Taiwan Semiconductor Manufacturing Co. (TSMC) agreed.',
    ]);
  });

  it('ends a sentence at a single letter when a new sentence plainly starts', () => {
    expect(splitSentences('Starlink cut off access to X. The freeze was lifted.').map((s) => s.text)).toEqual([
      'Starlink cut off access to X.',
      'The freeze was lifted.',
    ]);
  });

  it('treats a line without closing punctuation as a heading', () => {
    const sentences = splitSentences('A feud that began in April\nMoraes responded.');
    expect(sentences.map((s) => [s.text, s.heading])).toEqual([
      ['A feud that began in April', true],
      ['Moraes responded.', false],
    ]);
  });
});
