-- Who came to each meeting, answered from an index instead of the rows
-- (docs/PERFORMANCE.md, issue 21): how many were present and how many of
-- them had a vote, who was not present, and which meetings each member
-- took part in. A year of the largest branch holds tens of thousands of
-- attendance rows; reading each one's status from the table cost more
-- than everything else the 台账 and the meeting list do with them.
CREATE INDEX meeting_attendance_status ON meeting_attendance (meeting_id, status, voting, member_id);
