/**
 * `JSON.stringify(value, null, 2)` of an object, in pieces: each field that is an array is given
 * item by item, so that a large document can be written a little at a time, letting the thread do
 * other work in between, rather than made as one string. The pieces joined are exactly the string
 * `JSON.stringify` makes.
 */
export function* jsonChunks(value: Readonly<Record<string, unknown>>): Generator<string> {
  const fields = Object.entries(value)
    .map(([key, field]) => [key, field, Array.isArray(field) ? undefined : JSON.stringify(field, null, 2)] as const)
    // As JSON.stringify does: a field it cannot show (undefined, a function) is left out.
    .filter(([, field, text]) => Array.isArray(field) || text !== undefined);
  if (fields.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (const [index, [key, field, text]] of fields.entries()) {
    yield `${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (!Array.isArray(field)) {
      yield text!.replaceAll('\n', '\n  ');
      continue;
    }
    if (field.length === 0) {
      yield '[]';
      continue;
    }
    yield '[';
    for (const [at, item] of (field as unknown[]).entries()) {
      // An item JSON cannot show is null in an array, as JSON.stringify has it.
      yield `${at === 0 ? '' : ','}\n    ${(JSON.stringify(item, null, 2) ?? 'null').replaceAll('\n', '\n    ')}`;
    }
    yield '\n  ]';
  }
  yield '\n}';
}
