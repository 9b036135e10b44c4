//! The 支委会's make-up (docs/DOMAIN.md §8): 3–5 members, normally not more
//! than 7, all full members and none under 留党察看; a committee only where
//! the branch has at least 7 full members. These are warnings, never refusals:
//! a branch's real committee is what it is, and the secretary must see it.

use super::model::{CommitteeRole, Member, MemberKind, Status};
use crate::error::Result;
use crate::store::Store;

/// One person as the committee check needs them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seat {
    pub name: String,
    pub kind: MemberKind,
    pub status: Status,
    pub role: Option<CommitteeRole>,
}

impl Seat {
    pub fn of(m: &Member) -> Seat {
        Seat { name: m.name.clone(), kind: m.kind, status: m.status, role: m.committee_role }
    }
}

/// Every way the committee differs from the rules, in Chinese.
pub fn committee_warnings(seats: &[Seat]) -> Vec<String> {
    let mut out = Vec::new();
    let full = seats.iter().filter(|s| s.kind == MemberKind::Full && s.status.takes_part()).count();
    let committee: Vec<&Seat> = seats.iter().filter(|s| s.role.is_some()).collect();
    let n = committee.len();
    if full >= 7 && (1..3).contains(&n) {
        out.push(format!("支委会一般由 3 至 5 人组成，现在登记了 {n} 名支委，请核对各人的支委职务"));
    } else if n > 7 {
        out.push(format!("支委一般不超过 7 人，现在登记了 {n} 名支委，请核对"));
    }
    if full < 7
        && committee.iter().any(|s| !matches!(s.role, Some(CommitteeRole::Secretary | CommitteeRole::DeputySecretary)))
    {
        out.push(format!("正式党员不足 7 人（现有 {full} 人）的支部不设支委会，只设书记，必要时设副书记"));
    }
    for s in &committee {
        if s.kind != MemberKind::Full {
            out.push(format!("“{}”是预备党员，支委应由正式党员担任", s.name));
        }
        if s.status == Status::Watch {
            out.push(format!("“{}”正在留党察看期间，没有选举权和被选举权，不能担任支委", s.name));
        } else if !s.status.takes_part() {
            out.push(format!("“{}”的党籍状态是“{}”，不能担任支委", s.name, s.status.label()));
        }
    }
    out
}

impl Store {
    /// The committee as the roster stands.
    pub fn committee_warnings(&self) -> Result<Vec<String>> {
        let roster = self.members(&super::MemberQuery::default())?;
        Ok(committee_warnings(&roster.iter().map(Seat::of).collect::<Vec<_>>()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seat(name: &str, kind: MemberKind, status: Status, role: Option<CommitteeRole>) -> Seat {
        Seat { name: name.into(), kind, status, role }
    }

    fn branch(committee: usize) -> Vec<Seat> {
        let roles = [
            CommitteeRole::Secretary,
            CommitteeRole::DeputySecretary,
            CommitteeRole::Organization,
            CommitteeRole::Propaganda,
            CommitteeRole::Discipline,
            CommitteeRole::Member,
            CommitteeRole::Member,
            CommitteeRole::Member,
        ];
        (0..12)
            .map(|i| {
                seat(
                    &format!("党员{i}"),
                    MemberKind::Full,
                    Status::Normal,
                    roles.get(i).filter(|_| i < committee).copied(),
                )
            })
            .collect()
    }

    #[test]
    fn three_to_seven_full_members_make_a_committee() {
        assert!(committee_warnings(&branch(3)).is_empty());
        assert!(committee_warnings(&branch(7)).is_empty());
        assert!(committee_warnings(&branch(2))[0].contains("3 至 5 人"));
        assert!(committee_warnings(&branch(8))[0].contains("不超过 7 人"));
    }

    #[test]
    fn probationary_and_watched_members_hold_no_post() {
        let mut b = branch(3);
        b[1].kind = MemberKind::Probationary;
        b[2].status = Status::Watch;
        let w = committee_warnings(&b);
        assert!(w.iter().any(|x| x.contains("党员1") && x.contains("预备党员")), "{w:?}");
        assert!(w.iter().any(|x| x.contains("党员2") && x.contains("留党察看")), "{w:?}");
    }

    #[test]
    fn a_small_branch_has_only_a_secretary() {
        let small: Vec<Seat> = branch(3).into_iter().take(5).collect();
        assert!(committee_warnings(&small).iter().any(|w| w.contains("不设支委会")));
        let secretary_only: Vec<Seat> = branch(1).into_iter().take(5).collect();
        assert!(committee_warnings(&secretary_only).is_empty());
    }
}
