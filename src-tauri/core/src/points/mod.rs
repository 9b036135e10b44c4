//! 积分 and 星级党员: the branch's rule set as data, each point traced to the
//! record that produced it (docs/DOMAIN.md §9.5).
