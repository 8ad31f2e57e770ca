//! The trait impls every generated forward-compatible enum shares.
//!
//! A generated enum lists its documented values as variants plus `Other(..)` carrying any raw
//! value the documentation did not list, and writes its own wire mapping (`VALUES`,
//! `as_str()`/`value()` and `From<&str>`/`From<i64>`). Everything else follows from that mapping
//! and is the same for every enum, so it lives here: generated crates stay small and quick to
//! compile, and a fix to the shared behaviour reaches every enum at once.
//!
//! Equality and hashing follow the wire value, so `Other("RUNNING".into()) == Running` as the
//! server would see it. Decoding is lenient about the JSON type because documentation types are
//! often loose: a non-string where a string enum was documented decodes into `Other` with its
//! JSON text; an integer enum also accepts the number written as a string.

/// Trait impls of a generated string enum that has `as_str(&self) -> &str` and
/// `From<&str>`: `From<String>`, `FromStr`, `Display`, `PartialEq`/`Eq`/`Hash` by wire value,
/// and serde `Serialize`/`Deserialize` (any non-string JSON decodes into `Other`).
#[macro_export]
macro_rules! string_enum_impls {
    ($name:ident) => {
        impl ::core::convert::From<::std::string::String> for $name {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(Self::from(value))
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::cmp::PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl ::core::cmp::Eq for $name {}

        impl ::core::hash::Hash for $name {
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                ::core::hash::Hash::hash(self.as_str(), state);
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                ::core::result::Result::Ok($crate::open_enum::string_from_json(
                    <$crate::serde_json::Value as $crate::__private::serde::Deserialize>::deserialize(
                        deserializer,
                    )?,
                    Self::from,
                    Self::Other,
                ))
            }
        }
    };
}

/// Trait impls of a generated integer enum that has `value(&self) -> i64` and `From<i64>`:
/// `Display`, `PartialEq`/`Eq`/`Hash` by wire value, and serde `Serialize`/`Deserialize`
/// (a number written as a string decodes too).
#[macro_export]
macro_rules! int_enum_impls {
    ($name:ident) => {
        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.value(), f)
            }
        }

        impl ::core::cmp::PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.value() == other.value()
            }
        }

        impl ::core::cmp::Eq for $name {}

        impl ::core::hash::Hash for $name {
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                ::core::hash::Hash::hash(&self.value(), state);
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.value())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::open_enum::int_from_json(
                    <$crate::serde_json::Value as $crate::__private::serde::Deserialize>::deserialize(
                        deserializer,
                    )?,
                )
                .map(Self::from)
            }
        }
    };
}

/// A string enum from any JSON value: strings through the enum's mapping, anything else into
/// `Other` with its JSON text. A plain function, so each enum's macro expansion stays small.
pub fn string_from_json<T>(
    raw: serde_json::Value,
    from: impl FnOnce(String) -> T,
    other: impl FnOnce(String) -> T,
) -> T {
    match raw {
        serde_json::Value::String(value) => from(value),
        value => other(value.to_string()),
    }
}

/// The integer of an integer enum: a JSON integer, or one written as a string.
pub fn int_from_json<E: serde::de::Error>(raw: serde_json::Value) -> Result<i64, E> {
    crate::lenient::integer(&raw)
        .ok_or_else(|| E::custom(format!("expected an integer, found {raw}")))
}

#[cfg(test)]
mod tests {
    #[derive(Debug, Clone)]
    enum Phase {
        Running,
        Other(String),
    }

    impl Phase {
        fn as_str(&self) -> &str {
            match self {
                Self::Running => "RUNNING",
                Self::Other(value) => value.as_str(),
            }
        }
    }

    impl From<&str> for Phase {
        fn from(value: &str) -> Self {
            match value {
                "RUNNING" => Self::Running,
                other => Self::Other(other.to_owned()),
            }
        }
    }

    crate::string_enum_impls!(Phase);

    #[derive(Debug, Clone, Copy)]
    enum Role {
        Admin,
        Other(i64),
    }

    impl Role {
        fn value(&self) -> i64 {
            match self {
                Self::Admin => 2,
                Self::Other(value) => *value,
            }
        }
    }

    impl From<i64> for Role {
        fn from(value: i64) -> Self {
            match value {
                2 => Self::Admin,
                other => Self::Other(other),
            }
        }
    }

    crate::int_enum_impls!(Role);

    #[test]
    fn string_enums_round_trip_and_keep_unknown_values() {
        let known: Phase = serde_json::from_str("\"RUNNING\"").unwrap();
        assert!(matches!(known, Phase::Running));
        let unknown: Phase = serde_json::from_str("\"PAUSED\"").unwrap();
        assert_eq!(unknown.as_str(), "PAUSED");
        assert_eq!(serde_json::to_string(&unknown).unwrap(), "\"PAUSED\"");
        let number: Phase = serde_json::from_str("3").unwrap();
        assert_eq!(number.as_str(), "3");
        assert_eq!(Phase::Other("RUNNING".into()), Phase::Running);
        assert_eq!("RUNNING".parse::<Phase>().unwrap().to_string(), "RUNNING");
    }

    #[test]
    fn int_enums_accept_numeric_strings_and_reject_other_text() {
        let admin: Role = serde_json::from_str("\"2\"").unwrap();
        assert!(matches!(admin, Role::Admin));
        assert_eq!(serde_json::to_string(&Role::Other(7)).unwrap(), "7");
        assert_eq!(Role::Other(2), Role::Admin);
        assert_eq!(Role::Admin.to_string(), "2");
        let err = serde_json::from_str::<Role>("\"admin\"").unwrap_err();
        assert!(err.to_string().contains("expected an integer"), "{err}");
    }
}
