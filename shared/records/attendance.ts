import { z } from '../zod';
import { instantMs } from '../time/instant';
import { column } from './columns';
import { defineTab } from './tab';

export const ATTENDANCE_STATUSES = ['present', 'absent with notice', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/**
 * 'extension' is a Meet session the volunteer's browser saw; 'daily check' is an absence the backend
 * recorded for an expected attendee with no session.
 */
export const ATTENDANCE_SOURCES = ['extension', 'sheet', 'form', 'daily check'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

export const attendanceSchema = z
  .object({
    id: column.id('Attendance ID'),
    /** Blank while a Meet session matches no meeting in the Meetings tab yet. */
    meetingId: column.id('Meeting ID').optional(),
    volunteerId: column.id('Volunteer ID'),
    status: column.choice('Status', ATTENDANCE_STATUSES),
    joinedAt: column.datetime('Joined at').optional(),
    leftAt: column.datetime('Left at').optional(),
    minutes: column.number('Minutes', { min: 0 }).optional(),
    meetCode: column.meetCode('Meet code').optional(),
    source: column.choice('Source', ATTENDANCE_SOURCES),
  })
  .refine(
    (row) =>
      row.joinedAt === undefined || row.leftAt === undefined || (instantMs(row.leftAt) ?? 0) >= (instantMs(row.joinedAt) ?? 0),
    { path: ['leftAt'], error: 'must not be before "Joined at"' },
  );
export type Attendance = z.output<typeof attendanceSchema>;

export const attendanceTab = defineTab('Attendance', attendanceSchema);
