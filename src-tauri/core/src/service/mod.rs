//! 志愿服务 and 为民办实事: who served, what was done, for whom
//! (docs/DOMAIN.md §9.5).
