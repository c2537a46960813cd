import { timelineFileRoute } from '../lib/exports/timeline-route.ts';

/** `/timeline.ics`: see `TIMELINE_FILES`. */
export const { getStaticPaths, GET } = timelineFileRoute('timeline.ics');
