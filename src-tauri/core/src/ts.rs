//! TypeScript names for the types the core serialises by hand as text.
//!
//! The page's types (`ui/src/generated/types.ts`) are generated from the Rust
//! types with ts-rs; a type with its own `Serialize` (a date that may lack its
//! day, a month) cannot be derived, so it is declared here as a named string
//! whose comment says its form.

/// `impl ts_rs::TS` for a type sent as a string: declared as
/// `type Name = string` with `doc` as its comment.
macro_rules! text_type {
    ($name:ident, $doc:literal) => {
        impl ts_rs::TS for $name {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;

            fn docs() -> Option<String> {
                Some($doc.to_owned())
            }
            fn name(_: &ts_rs::Config) -> String {
                stringify!($name).to_owned()
            }
            fn inline(_: &ts_rs::Config) -> String {
                "string".to_owned()
            }
            fn decl(_: &ts_rs::Config) -> String {
                format!("type {} = string;", stringify!($name))
            }
            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                Self::decl(cfg)
            }
            fn output_path() -> Option<std::path::PathBuf> {
                Some(std::path::PathBuf::from(concat!(stringify!($name), ".ts")))
            }
        }
    };
}
pub(crate) use text_type;
