import type { Component, ParsingContext, ParsingResult, Refiner } from 'chrono-node';

const TIME_COMPONENTS: Component[] = ['hour', 'minute', 'second', 'meridiem', 'timezoneOffset'];

function hasDate(result: ParsingResult): boolean {
  const start = result.start;
  return start.isCertain('day') || start.isCertain('weekday') || start.isCertain('month') || start.isCertain('year');
}

function merge(context: ParsingContext, date: ParsingResult, time: ParsingResult, end: number): ParsingResult {
  const merged = date.clone();
  for (const component of TIME_COMPONENTS) {
    const value = time.start.get(component);
    if (time.start.isCertain(component) && value !== null) merged.start.assign(component, value);
  }
  merged.addTags(time.tags());
  merged.text = context.text.slice(date.index, end);
  return merged;
}

/**
 * Joins a date and the time that follows it in parentheses, the way update notes are stamped:
 * "March 22, 2019 (1:50AM)". chrono joins "March 22, 2019 at 1:50AM" but not this form.
 */
export function parenthesizedTimeRefiner(): Refiner {
  return {
    refine(context, results) {
      const out: ParsingResult[] = [];
      for (let i = 0; i < results.length; i++) {
        const date = results[i];
        const time = results[i + 1];
        if (!date) continue;
        if (time && hasDate(date) && date.start.isOnlyDate() && time.start.isOnlyTime() && time.start.isCertain('hour')) {
          const between = context.text.slice(date.index + date.text.length, time.index);
          const close = /^\s*\)/.exec(context.text.slice(time.index + time.text.length));
          if (/^\s*\(\s*$/.test(between) && close) {
            out.push(merge(context, date, time, time.index + time.text.length + close[0].length));
            i++;
            continue;
          }
        }
        out.push(date);
      }
      return out;
    },
  };
}
