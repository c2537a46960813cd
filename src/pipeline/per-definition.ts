/**
 * `make`, computed once per object it is given: for what every article derives alike from the
 * incident's definition (its actors' name patterns, its topics' cues). The definition is read once
 * per build and not changed afterwards, so its arrays stand for their content.
 */
export function perDefinition<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    if (made.has(key)) return made.get(key) as V;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}
