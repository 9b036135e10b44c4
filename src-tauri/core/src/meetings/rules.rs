//! The rules of 《中国共产党支部工作条例（试行）》 for meetings: quorum,
//! votes, elections (docs/DOMAIN.md §3), and attendance rates.

use super::model::{Attendance, Grade, MeetingKind};
use serde::Serialize;

/// One attendee as the rules see them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seat {
    pub member_id: i64,
    pub status: Attendance,
    /// A full member on the day (probationary members have no vote).
    pub voting: bool,
    /// 民主评议 only.
    pub grade: Option<Grade>,
}

impl Seat {
    /// May be given a grade at a 民主评议: a member with a vote on the day.
    /// Probationary members (and members under 留党察看) take part without a
    /// grade. The save refuses a grade where this is false, and the form
    /// shuts the grade select by it (`QuorumReport::grading`).
    pub fn gradable(&self) -> bool {
        self.voting
    }
}

/// Whether one attendee of a 民主评议 may be graded, for the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Grading {
    pub member_id: i64,
    pub gradable: bool,
}

/// A resolution's votes as the rules see them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Votes {
    pub vote: bool,
    pub election: bool,
    /// Any of 赞成/反对/弃权 was filled in: until then there is no verdict.
    pub entered: bool,
    pub votes_for: i64,
    pub votes_against: i64,
    pub votes_abstain: i64,
    /// 书面意见 in favour from absent voting members (admission and 转正 votes).
    pub written_for: i64,
    /// All 书面意见 (赞成+反对+弃权): at most one per absent voting member.
    pub written: i64,
}

impl Votes {
    /// 赞成 + 反对 + 弃权 of those present.
    pub fn total(&self) -> i64 {
        self.votes_for + self.votes_against + self.votes_abstain
    }
}

/// The core's word on one resolution. The form shows `verdict` green only
/// when `passed` is `Some(true)`, red when `Some(false)`, as a warning when
/// `invalid` (the votes or the attendance allow no verdict: 请核对), and
/// nothing when the text is empty (no vote, or no votes typed yet).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Verdict {
    /// None when no vote was taken, no votes were entered yet, or the tally
    /// or the quorum is invalid.
    pub passed: Option<bool>,
    pub verdict: String,
    /// The tally or the quorum is wrong: `verdict` says what to check.
    pub invalid: bool,
}

impl Verdict {
    fn none() -> Verdict {
        Verdict::default()
    }
    fn invalid(why: String) -> Verdict {
        Verdict { passed: None, verdict: why, invalid: true }
    }
    fn decided(passed: bool, verdict: String) -> Verdict {
        Verdict { passed: Some(passed), verdict, invalid: false }
    }
}

/// Who may cast the votes of a resolution, as the messages name them:
/// 支部党员大会 the voting members present, 支委会 the members present, other
/// kinds everyone present.
pub fn ballot_box_label(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::Assembly => "到会有表决权党员",
        MeetingKind::Committee => "到会委员",
        _ => "到会人员",
    }
}

/// More votes (赞成+反对+弃权) than people who could cast them: no verdict,
/// and the save refuses it with the same words.
pub fn too_many_votes(kind: MeetingKind, total: i64, ballot_box: usize) -> Option<String> {
    (total > ballot_box as i64)
        .then(|| format!("票数合计 {total} 票，超过{} {ballot_box} 人，请核对票数", ballot_box_label(kind)))
}

/// More 书面意见 than voting members who were not there.
pub fn too_many_written(written: i64, absent_voting: usize) -> Option<String> {
    (written > absent_voting as i64)
        .then(|| format!("书面意见合计 {written} 份，多于未到会的有表决权党员 {absent_voting} 人，请核对"))
}

/// Whether a meeting could decide, and why, in Chinese.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct QuorumReport {
    /// False for kinds without a quorum rule (党课, 主题党日 …).
    pub applies: bool,
    pub ok: bool,
    pub lines: Vec<String>,
    /// Things to look at again that do not make the record invalid.
    pub warnings: Vec<String>,
    pub resolutions: Vec<Verdict>,
    pub should_attend: usize,
    pub present: usize,
    pub on_leave: usize,
    pub absent: usize,
    /// 在流入地参加: took part where they live (not absent, not in the room).
    pub elsewhere: usize,
    /// 送学上门: reached at home (not absent, not in the room).
    pub taught: usize,
    pub attendance_rate: String,
    /// 民主评议 only: each attendee, in order, and whether they may be
    /// graded ([`Seat::gradable`]); empty for other kinds.
    pub grading: Vec<Grading>,
}

/// `present / should` as a percentage with one decimal, rounded half up
/// (`85.7%`), or `—` when nobody was expected. Integer arithmetic only.
pub fn rate_text(present: usize, should: usize) -> String {
    match rate_tenths(present, should) {
        Some(t) => format!("{}.{}%", t / 10, t % 10),
        None => "—".into(),
    }
}

/// `present / should` in tenths of a percent, rounded half up.
pub fn rate_tenths(present: usize, should: usize) -> Option<u64> {
    (should > 0).then(|| ((present as u64) * 2000 + should as u64) / (2 * should as u64))
}

fn more_than_half(part: usize, whole: usize) -> bool {
    part * 2 > whole
}

/// Applies the quorum and vote rules to one meeting.
pub fn judge(kind: MeetingKind, seats: &[Seat], resolutions: &[Votes]) -> QuorumReport {
    let count = |s: Attendance| seats.iter().filter(|x| x.status == s).count();
    let (present, on_leave, absent) = (count(Attendance::Present), count(Attendance::Leave), count(Attendance::Absent));
    let (elsewhere, taught) = (count(Attendance::Elsewhere), count(Attendance::Taught));
    let should_attend = seats.len();
    let mut report = QuorumReport {
        applies: false,
        ok: true,
        lines: Vec::new(),
        warnings: Vec::new(),
        resolutions: Vec::new(),
        should_attend,
        present,
        on_leave,
        absent,
        elsewhere,
        taught,
        attendance_rate: rate_text(present, should_attend),
        grading: Vec::new(),
    };
    match kind {
        MeetingKind::Assembly => judge_assembly(&mut report, seats, resolutions),
        MeetingKind::Committee => judge_committee(&mut report, resolutions),
        MeetingKind::Review => {
            judge_review(&mut report, seats);
            report.resolutions = resolutions.iter().map(|_| Verdict::none()).collect();
        }
        _ => {
            report.resolutions = resolutions
                .iter()
                .map(|r| {
                    if !r.vote || !r.entered {
                        Verdict::none()
                    } else if let Some(why) = too_many_votes(kind, r.total(), present) {
                        Verdict::invalid(why)
                    } else {
                        Verdict { verdict: "（此类会议不作表决有效性判断）".into(), ..Verdict::none() }
                    }
                })
                .collect();
        }
    }
    report
}

fn judge_assembly(report: &mut QuorumReport, seats: &[Seat], resolutions: &[Votes]) {
    report.applies = true;
    let voting = seats.iter().filter(|s| s.voting).count();
    let voting_present = seats.iter().filter(|s| s.voting && s.status == Attendance::Present).count();
    let probationary_present = seats.iter().filter(|s| !s.voting && s.status == Attendance::Present).count();
    let quorum = more_than_half(voting_present, voting);
    report.ok = quorum;
    report.lines.push(format!(
        "应到有表决权的正式党员 {voting} 人，实到 {voting_present} 人，{}",
        if quorum { "超过半数，可以进行表决。" } else { "未超过半数，不能进行表决。" }
    ));
    if probationary_present > 0 {
        report.lines.push(format!("到会预备党员 {probationary_present} 人，没有表决权，不计入表决人数。"));
    }
    let any_election = resolutions.iter().any(|r| r.vote && r.election);
    let election_quorum = voting_present * 5 > voting * 4;
    if any_election {
        report.lines.push(format!(
            "选举须有五分之四以上有选举权的党员到会（应到 {voting} 人，实到 {voting_present} 人）：{}",
            if election_quorum { "可以进行选举。" } else { "不足五分之四，不能进行选举。" }
        ));
        report.ok = report.ok && election_quorum;
    }
    let absent_voting = voting - voting_present;
    report.resolutions = resolutions
        .iter()
        .map(|r| {
            if !r.vote || !r.entered {
                return Verdict::none();
            }
            if let Some(why) = too_many_votes(MeetingKind::Assembly, r.total(), voting_present) {
                return Verdict::invalid(why);
            }
            if let Some(why) = too_many_written(r.written, absent_voting) {
                return Verdict::invalid(why);
            }
            if voting_present == 0 {
                return Verdict::invalid("没有有表决权的党员到会，不能表决；请先核对会议日期和参会人员。".into());
            }
            if r.election {
                if !election_quorum {
                    return Verdict::invalid("到会人数不足五分之四，不能进行选举，请核对参会人员。".into());
                }
                let passed = more_than_half(r.votes_for as usize, voting_present);
                return Verdict::decided(
                    passed,
                    format!(
                        "得赞成票 {} 张，{}实到会有选举权党员（{voting_present} 人）的半数，{}",
                        r.votes_for,
                        if passed { "超过" } else { "未超过" },
                        if passed { "当选。" } else { "未当选。" }
                    ),
                );
            }
            if !quorum {
                return Verdict::invalid("到会有表决权党员未超过半数，不能表决，请核对参会人员。".into());
            }
            let total_for = r.votes_for + r.written_for;
            let passed = more_than_half(total_for as usize, voting);
            let written = if r.written_for > 0 {
                format!("（含书面意见赞成 {} 票）", r.written_for)
            } else {
                String::new()
            };
            Verdict::decided(
                passed,
                format!(
                    "赞成 {total_for} 票{written}，{}应到会有表决权党员（{voting} 人）的半数，{}",
                    if passed { "超过" } else { "未超过" },
                    if passed { "通过。" } else { "未通过。" }
                ),
            )
        })
        .collect();
}

/// 民主评议: full members are graded, probationary members take part
/// without a grade; 优秀 is normally at most one third.
fn judge_review(report: &mut QuorumReport, seats: &[Seat]) {
    report.applies = true;
    report.grading = seats.iter().map(|s| Grading { member_id: s.member_id, gradable: s.gradable() }).collect();
    let eligible = seats.iter().filter(|s| s.gradable()).count();
    let count = |g: Grade| seats.iter().filter(|s| s.gradable() && s.grade == Some(g)).count();
    let graded = seats.iter().filter(|s| s.gradable() && s.grade.is_some()).count();
    let excellent = count(Grade::Excellent);
    report.lines.push(format!(
        "参加评议的正式党员 {eligible} 人，已评定 {graded} 人：优秀 {excellent} 人、合格 {} 人、基本合格 {} 人、不合格 {} 人。",
        count(Grade::Qualified),
        count(Grade::BasicallyQualified),
        count(Grade::Unqualified)
    ));
    let probationary = seats.iter().filter(|s| !s.gradable()).count();
    if probationary > 0 {
        report.lines.push(format!("预备党员等没有表决权的党员 {probationary} 人参加评议，不评定等次。"));
    }
    if graded < eligible {
        report.warnings.push(format!("还有 {} 名正式党员没有评定等次。", eligible - graded));
    }
    if excellent * 3 > eligible {
        report
            .warnings
            .push(format!("评为优秀的有 {excellent} 人，超过参评正式党员（{eligible} 人）的三分之一，请核对。"));
    }
}

fn judge_committee(report: &mut QuorumReport, resolutions: &[Votes]) {
    report.applies = true;
    let (members, present) = (report.should_attend, report.present);
    let quorum = more_than_half(present, members);
    report.ok = quorum;
    report.lines.push(format!(
        "支委会应到委员 {members} 人，实到 {present} 人，{}",
        if quorum { "超过半数，可以议事和表决。" } else { "未超过半数，不能作出决定。" }
    ));
    report.resolutions = resolutions
        .iter()
        .map(|r| {
            if !r.vote || !r.entered {
                Verdict::none()
            } else if let Some(why) = too_many_votes(MeetingKind::Committee, r.total(), present) {
                Verdict::invalid(why)
            } else if present == 0 {
                Verdict::invalid("没有委员到会，不能表决；请先核对会议日期和参会人员。".into())
            } else if !quorum {
                Verdict::invalid("到会委员未超过半数，不能表决，请核对参会人员。".into())
            } else {
                let passed = more_than_half(r.votes_for as usize, members);
                Verdict::decided(
                    passed,
                    format!(
                        "赞成 {} 票，{}委员总数（{members} 人）的半数，{}",
                        r.votes_for,
                        if passed { "超过" } else { "未超过" },
                        if passed { "通过。" } else { "未通过。" }
                    ),
                )
            }
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seats(full_present: usize, full_away: usize, prob_present: usize) -> Vec<Seat> {
        let seat = |status, voting| Seat { member_id: 0, status, voting, grade: None };
        let mut v = Vec::new();
        v.extend((0..full_present).map(|_| seat(Attendance::Present, true)));
        v.extend((0..full_away).map(|_| seat(Attendance::Leave, true)));
        v.extend((0..prob_present).map(|_| seat(Attendance::Present, false)));
        for (i, s) in v.iter_mut().enumerate() {
            s.member_id = i as i64 + 1;
        }
        v
    }

    #[test]
    fn at_a_review_full_members_are_gradable_and_probationary_members_are_not() {
        // Two full members (one on leave) and one probationary member.
        let r = judge(MeetingKind::Review, &seats(1, 1, 1), &[]);
        assert_eq!(
            r.grading,
            [
                Grading { member_id: 1, gradable: true },
                Grading { member_id: 2, gradable: true },
                Grading { member_id: 3, gradable: false },
            ]
        );
        // Only a 民主评议 grades: other kinds say nothing about it.
        assert!(judge(MeetingKind::Assembly, &seats(1, 1, 1), &[]).grading.is_empty());
        assert!(judge(MeetingKind::LifeMeeting, &seats(1, 1, 1), &[]).grading.is_empty());
    }

    #[test]
    fn review_warns_when_more_than_a_third_are_excellent() {
        let graded = |excellent: usize, qualified: usize| -> Vec<Seat> {
            let mut v = seats(excellent + qualified, 0, 1);
            for (i, s) in v.iter_mut().filter(|s| s.voting).enumerate() {
                s.grade = Some(if i < excellent { Grade::Excellent } else { Grade::Qualified });
            }
            v
        };
        // 3 of 9 is exactly one third: fine. 4 of 9: a warning.
        let r = judge(MeetingKind::Review, &graded(3, 6), &[]);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert!(r.lines[0].contains("参加评议的正式党员 9 人，已评定 9 人：优秀 3 人"));
        assert!(r.lines[1].contains("预备党员等没有表决权的党员 1 人参加评议，不评定等次"));
        let r = judge(MeetingKind::Review, &graded(4, 5), &[]);
        assert!(r.warnings[0].contains("超过参评正式党员（9 人）的三分之一"));
        // Ungraded full members are pointed out.
        let mut v = graded(1, 2);
        v[0].grade = None;
        assert!(judge(MeetingKind::Review, &v, &[]).warnings[0].contains("还有 1 名正式党员没有评定等次"));
    }

    fn vote(votes_for: i64) -> Votes {
        Votes { vote: true, entered: true, votes_for, ..Votes::default() }
    }

    fn tally(votes_for: i64, votes_against: i64, votes_abstain: i64) -> Votes {
        Votes { votes_against, votes_abstain, ..vote(votes_for) }
    }

    #[test]
    fn more_votes_than_voters_present_is_no_verdict_but_a_request_to_check() {
        // 20 voting members, 15 present: 12 for, 3 against, 1 abstaining is 16 votes.
        let r = judge(MeetingKind::Assembly, &seats(15, 5, 0), &[tally(12, 3, 1), tally(12, 3, 0)]);
        assert!(r.ok);
        assert_eq!(
            r.resolutions[0],
            Verdict {
                passed: None,
                verdict: "票数合计 16 票，超过到会有表决权党员 15 人，请核对票数".into(),
                invalid: true
            }
        );
        // 15 votes of 15 present is a tally; 12 of 20 passes.
        assert_eq!(r.resolutions[1].passed, Some(true));
        assert!(!r.resolutions[1].invalid);
        // Probationary members present cast no vote: they do not widen the ballot box.
        let r = judge(MeetingKind::Assembly, &seats(3, 0, 2), &[vote(4)]);
        assert!(r.resolutions[0].invalid && r.resolutions[0].passed.is_none(), "{:?}", r.resolutions[0]);
        // A 支委会 counts its members present.
        let r = judge(MeetingKind::Committee, &seats(4, 1, 0), &[tally(3, 2, 0)]);
        assert_eq!(r.resolutions[0].verdict, "票数合计 5 票，超过到会委员 4 人，请核对票数");
        assert_eq!(r.resolutions[0].passed, None);
        // Other kinds judge no validity, but a tally over those present is still wrong.
        let r = judge(MeetingKind::GroupMeeting, &seats(2, 1, 0), &[tally(3, 0, 0), tally(2, 0, 0)]);
        assert!(r.resolutions[0].invalid && r.resolutions[0].verdict.contains("超过到会人员 2 人"));
        assert!(!r.resolutions[1].invalid && r.resolutions[1].passed.is_none());
    }

    #[test]
    fn more_written_opinions_than_absent_voters_is_no_verdict() {
        // 20 voting members, 17 present: 3 absent can send at most 3 written opinions.
        let with_written = |written| Votes { written_for: written, written, ..vote(10) };
        let r = judge(MeetingKind::Assembly, &seats(17, 3, 0), &[with_written(3), with_written(4)]);
        assert_eq!(r.resolutions[0].passed, Some(true));
        assert_eq!(r.resolutions[1].passed, None);
        assert!(r.resolutions[1].invalid);
        assert!(r.resolutions[1].verdict.contains("书面意见合计 4 份，多于未到会的有表决权党员 3 人"));
    }

    #[test]
    fn a_resolution_without_votes_typed_has_no_verdict_yet() {
        let untyped = Votes { vote: true, ..Votes::default() };
        for kind in [MeetingKind::Assembly, MeetingKind::Committee, MeetingKind::Lecture] {
            let r = judge(kind, &seats(15, 5, 0), &[untyped]);
            assert_eq!(r.resolutions[0], Verdict::default(), "{kind:?}");
        }
        // Even where the attendance allows no vote: nothing is said until votes are typed.
        let r = judge(MeetingKind::Assembly, &[], &[untyped]);
        assert_eq!(r.resolutions[0], Verdict::default());
        // 0 for, typed: a verdict (未通过), not silence.
        let r = judge(MeetingKind::Assembly, &seats(15, 5, 0), &[tally(0, 15, 0)]);
        assert_eq!(r.resolutions[0].passed, Some(false));
    }

    #[test]
    fn nobody_present_or_no_quorum_gives_no_verdict() {
        // A day with nobody on the list (a future date before anyone is added):
        // however the votes are typed, neither 通过 nor 未通过.
        for kind in [MeetingKind::Assembly, MeetingKind::Committee] {
            let r = judge(kind, &[], &[vote(0)]);
            assert!(!r.ok);
            assert_eq!(r.resolutions[0].passed, None, "{kind:?}");
            assert!(r.resolutions[0].invalid, "{kind:?}");
            assert!(r.resolutions[0].verdict.contains("不能表决"), "{:?}", r.resolutions[0]);
        }
        // Everyone on leave: same.
        let r = judge(MeetingKind::Assembly, &seats(0, 5, 0), &[vote(0)]);
        assert_eq!((r.resolutions[0].passed, r.resolutions[0].invalid), (None, true));
        let r = judge(MeetingKind::Committee, &seats(0, 5, 0), &[vote(0)]);
        assert_eq!((r.resolutions[0].passed, r.resolutions[0].invalid), (None, true));
    }

    #[test]
    fn written_opinions_of_absent_voters_count_in_the_tally() {
        // 20 should attend with a vote, 15 present: 10 present in favour is
        // exactly half; one written opinion in favour makes it pass.
        let mut with_written = vote(10);
        with_written.written_for = 1;
        with_written.written = 1;
        let r = judge(MeetingKind::Assembly, &seats(15, 5, 0), &[vote(10), with_written]);
        assert_eq!(r.resolutions[0].passed, Some(false));
        assert_eq!(r.resolutions[1].passed, Some(true));
        assert!(r.resolutions[1].verdict.contains("赞成 11 票（含书面意见赞成 1 票）"), "{}", r.resolutions[1].verdict);
        // Written opinions make no quorum: presence is still counted from those present.
        let r = judge(MeetingKind::Assembly, &seats(10, 10, 0), &[with_written]);
        assert!(!r.ok);
        assert_eq!(r.resolutions[0].passed, None);
        assert!(r.resolutions[0].invalid);
    }

    #[test]
    fn assembly_needs_more_than_half_of_voting_members() {
        // Exactly half present: not enough.
        let r = judge(MeetingKind::Assembly, &seats(10, 10, 0), &[]);
        assert!(r.applies && !r.ok, "{:?}", r.lines);
        assert!(r.lines[0].contains("应到有表决权的正式党员 20 人，实到 10 人，未超过半数"));
        // Half plus one: enough.
        assert!(judge(MeetingKind::Assembly, &seats(11, 9, 0), &[]).ok);
        // Odd count: 10 of 19 is more than half, 9 of 19 is not.
        assert!(judge(MeetingKind::Assembly, &seats(10, 9, 0), &[]).ok);
        assert!(!judge(MeetingKind::Assembly, &seats(9, 10, 0), &[]).ok);
    }

    #[test]
    fn probationary_members_do_not_make_the_quorum() {
        // 10 of 20 full members present and 5 probationary: still only half.
        let r = judge(MeetingKind::Assembly, &seats(10, 10, 5), &[]);
        assert!(!r.ok);
        assert_eq!(r.should_attend, 25);
        assert_eq!(r.present, 15);
        assert!(r.lines[1].contains("预备党员 5 人，没有表决权"));
    }

    #[test]
    fn a_motion_needs_more_than_half_of_those_who_should_attend() {
        // 20 voting members should attend, 15 present: 10 votes is exactly half of 20.
        let r = judge(MeetingKind::Assembly, &seats(15, 5, 0), &[vote(10), vote(11)]);
        assert_eq!(r.resolutions[0].passed, Some(false));
        assert!(r.resolutions[0].verdict.contains("未超过应到会有表决权党员（20 人）的半数"));
        assert_eq!(r.resolutions[1].passed, Some(true));
        // Without a quorum no vote counts, however many are in favour.
        let r = judge(MeetingKind::Assembly, &seats(10, 10, 0), &[vote(10)]);
        assert_eq!(r.resolutions[0].passed, None);
        assert!(r.resolutions[0].invalid);
        assert!(r.resolutions[0].verdict.contains("未超过半数，不能表决"), "{}", r.resolutions[0].verdict);
    }

    #[test]
    fn an_election_needs_more_than_four_fifths_present() {
        let election = |votes_for| Votes { election: true, ..vote(votes_for) };
        // 16 of 20 is exactly four fifths: not enough, and no one is elected or not.
        let r = judge(MeetingKind::Assembly, &seats(16, 4, 0), &[election(16)]);
        assert!(!r.ok);
        assert_eq!(r.resolutions[0].passed, None);
        assert!(r.resolutions[0].invalid);
        // 17 of 20: enough; a candidate needs more than half of the 17 present.
        let r = judge(MeetingKind::Assembly, &seats(17, 3, 0), &[election(9), election(8)]);
        assert!(r.ok);
        assert_eq!(r.resolutions[0].passed, Some(true));
        assert_eq!(r.resolutions[1].passed, Some(false));
    }

    #[test]
    fn committee_needs_more_than_half_of_its_members() {
        let committee = |present, away| -> Vec<Seat> { seats(present, away, 0) };
        assert!(!judge(MeetingKind::Committee, &committee(2, 3), &[]).ok);
        assert!(judge(MeetingKind::Committee, &committee(3, 2), &[]).ok);
        let r = judge(MeetingKind::Committee, &committee(4, 1), &[vote(3), vote(2)]);
        assert_eq!(r.resolutions[0].passed, Some(true));
        assert_eq!(r.resolutions[1].passed, Some(false));
    }

    #[test]
    fn other_kinds_have_no_quorum_rule() {
        let r = judge(MeetingKind::Lecture, &seats(1, 10, 0), &[]);
        assert!(!r.applies);
        assert!(r.lines.is_empty());
    }

    #[test]
    fn rates_round_half_up_to_one_decimal() {
        assert_eq!(rate_text(6, 7), "85.7%");
        assert_eq!(rate_text(1, 3), "33.3%");
        assert_eq!(rate_text(2, 3), "66.7%");
        assert_eq!(rate_text(1, 8), "12.5%");
        assert_eq!(rate_text(1, 16), "6.3%"); // 6.25 → 6.3
        assert_eq!(rate_text(7, 7), "100.0%");
        assert_eq!(rate_text(0, 0), "—");
    }
}
