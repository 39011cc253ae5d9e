// What the model extractor reads out of a chat completion's body: the JSON of the
// message, also inside the Markdown fence some models write around it, and a
// ModelServerError saying what is wrong with any other body.
import { answerContent, ModelServerError } from '../../../server/ingest/modelServer/requestCompletion';

const envelope = (choice: unknown) => JSON.stringify({ object: 'chat.completion', choices: [choice] });

describe('answerContent', () => {
  it("is the message's JSON, with or without a code fence around it", () => {
    const answer = { entities: [], claims: [] };
    expect(answerContent(envelope({ message: { content: JSON.stringify(answer) }, finish_reason: 'stop' }))).toEqual(
      answer,
    );
    expect(answerContent(envelope({ message: { content: `\`\`\`json\n${JSON.stringify(answer)}\n\`\`\`` } }))).toEqual(
      answer,
    );
  });

  it.each([
    [
      '<html>Bad gateway</html>',
      "the model server's answer is not a chat completion (not JSON: Unexpected token '<', \"<html>Bad \"... is not valid JSON)",
    ],
    [
      JSON.stringify({ choices: [] }),
      "the model server's answer is not a chat completion (no choices[0].message.content)",
    ],
    [
      envelope({ message: { content: null, tool_calls: [] } }),
      "the model server's answer is not a chat completion (no choices[0].message.content)",
    ],
    [
      envelope({ message: { content: '{"entities": [' }, finish_reason: 'length' }),
      'the model\'s answer was cut off at its length limit (finish_reason "length")',
    ],
    [
      envelope({ message: { content: '{"entities": [' }, finish_reason: 'stop' }),
      "the model's answer is not JSON (Unexpected end of JSON input)",
    ],
  ])('refuses %s, saying why', (body, message) => {
    expect(() => answerContent(body)).toThrow(new ModelServerError(message));
  });
});
