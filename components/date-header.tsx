import { formatDateHeader } from '@/lib/content/dates';

/** Blogger's day line above posts: "Sunday, September 4, 2016". */
export function DateHeader({ date, timeZone, as: Tag = 'h2' }: { date: Date; timeZone: string; as?: 'h2' | 'p' }) {
  return (
    <Tag className="date-header">
      <time dateTime={date.toISOString()}>{formatDateHeader(date, timeZone)}</time>
    </Tag>
  );
}
