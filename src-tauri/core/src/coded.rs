//! `coded_enum!`: an enum with a stable code (stored in the database and
//! sent over the API) and a Chinese label for each variant, `ALL`,
//! `from_code` accepting either, and its SQLite conversions. Used by the
//! members, meetings and dues models; the caller imports `Serialize` and
//! `Deserialize`.

macro_rules! coded_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal, $label:literal;)+ }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The stable word stored in the database and sent over the API.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            /// What a secretary reads.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            /// Accepts the code or the Chinese label.
            pub fn from_code(s: &str) -> Option<Self> {
                match s { $($code | $label => Some($name::$variant),)+ _ => None }
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.code().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                $name::from_code(s).ok_or_else(|| rusqlite::types::FromSqlError::Other(
                    format!("unknown {} code {s:?}", stringify!($name)).into()))
            }
        }
    };
}
pub(crate) use coded_enum;
