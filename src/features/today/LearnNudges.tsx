import { ReviewDueCard } from '../../ui/ReviewDueCard';
import { RequiredLessonsCard } from './RequiredLessonsCard';

/**
 * Today's learning nudges (lessons required of this person, questions due for
 * review), loaded apart from Today's own code: they read the lessons on the
 * phone, which the first screen does not need to paint its briefings.
 */
export default function LearnNudges() {
  return (
    <>
      <RequiredLessonsCard />
      <ReviewDueCard />
    </>
  );
}
