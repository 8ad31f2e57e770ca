//! Deserializers for fields whose documentation contradicts itself: the parameter table gives one
//! type, the documentation's own example another (`"job_id": "10"` for a Long, a number for a
//! String, an array of the objects the table calls one object). docbind keeps the documented
//! type in the Rust field and marks such fields with one of these, so a response shaped like the
//! documented example still decodes. Serialization is unchanged: values go out as the table
//! types them.
//!
//! Generated code uses them as `#[serde(deserialize_with = "docbind_runtime::lenient::scalar")]`
//! (or `one_or_many`); the field type picks the conversion.

use serde::de::{DeserializeOwned, Deserializer, Error as _};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// A value that can be read from the other JSON shapes the documentation shows for it.
pub trait FromLenient: Sized {
    /// Convert `value`, or say why it cannot be.
    fn from_lenient(value: Value) -> Result<Self, String>;
}

/// Any JSON value: a string as it is, anything else as its JSON text (`1`, `true`, `[..]`).
impl FromLenient for String {
    fn from_lenient(value: Value) -> Result<Self, String> {
        match value {
            Value::String(s) => Ok(s),
            Value::Null => Err("null is not a string".to_string()),
            other => Ok(other.to_string()),
        }
    }
}

/// A JSON integer, or a string holding one (`"100"`), as i64.
pub(crate) fn integer(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    }
}

macro_rules! integer_from_lenient {
    ($($ty:ty),*) => {$(
        /// A JSON integer, or a string holding one (`"100"`).
        impl FromLenient for $ty {
            fn from_lenient(value: Value) -> Result<Self, String> {
                integer(&value)
                    .and_then(|n| <$ty>::try_from(n).ok())
                    .ok_or_else(|| format!("{value} is not a {}", stringify!($ty)))
            }
        }
    )*};
}
integer_from_lenient!(i16, i32, i64);

macro_rules! float_from_lenient {
    ($($ty:ty),*) => {$(
        /// A JSON number, or a string holding one (`"0.5"`).
        impl FromLenient for $ty {
            fn from_lenient(value: Value) -> Result<Self, String> {
                let wide = match &value {
                    Value::Number(n) => n.as_f64(),
                    Value::String(s) => s.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
                    _ => None,
                };
                // Narrowing f64 → f32 rounds, as serde_json does for an f32 field.
                wide.map(|f| f as $ty)
                    .ok_or_else(|| format!("{value} is not a {}", stringify!($ty)))
            }
        }
    )*};
}
float_from_lenient!(f32, f64);

/// A JSON boolean, or the strings `"true"` / `"false"`.
impl FromLenient for bool {
    fn from_lenient(value: Value) -> Result<Self, String> {
        match &value {
            Value::Bool(b) => Ok(*b),
            Value::String(s) if s.trim() == "true" => Ok(true),
            Value::String(s) if s.trim() == "false" => Ok(false),
            _ => Err(format!("{value} is not a boolean")),
        }
    }
}

/// Null (or a missing field, with `#[serde(default)]`) is `None`.
impl<T: FromLenient> FromLenient for Option<T> {
    fn from_lenient(value: Value) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            other => T::from_lenient(other).map(Some),
        }
    }
}

/// An array whose items are read leniently.
impl<T: FromLenient> FromLenient for Vec<T> {
    fn from_lenient(value: Value) -> Result<Self, String> {
        match value {
            Value::Array(items) => items.into_iter().map(T::from_lenient).collect(),
            other => Err(format!("{other} is not an array")),
        }
    }
}

/// An object whose values are read leniently.
impl<T: FromLenient> FromLenient for BTreeMap<String, T> {
    fn from_lenient(value: Value) -> Result<Self, String> {
        match value {
            Value::Object(map) => map
                .into_iter()
                .map(|(k, v)| T::from_lenient(v).map(|v| (k, v)))
                .collect(),
            other => Err(format!("{other} is not an object")),
        }
    }
}

/// `deserialize_with` for a scalar field (or an array / map / option of them) whose examples
/// show other scalar shapes than its documented type.
pub fn scalar<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromLenient,
{
    let value = Value::deserialize(deserializer)?;
    T::from_lenient(value).map_err(D::Error::custom)
}

/// A list that the documentation also shows as a single item (or the reverse).
pub trait FromOneOrMany: Sized {
    /// Convert `value`: an array item by item, anything else as a list of one.
    fn from_one_or_many(value: Value) -> Result<Self, serde_json::Error>;
}

impl<T: DeserializeOwned> FromOneOrMany for Vec<T> {
    fn from_one_or_many(value: Value) -> Result<Self, serde_json::Error> {
        match value {
            Value::Array(_) => serde_json::from_value(value),
            single => Ok(vec![serde_json::from_value(single)?]),
        }
    }
}

/// Null (or a missing field, with `#[serde(default)]`) is `None`.
impl<T: FromOneOrMany> FromOneOrMany for Option<T> {
    fn from_one_or_many(value: Value) -> Result<Self, serde_json::Error> {
        match value {
            Value::Null => Ok(None),
            other => T::from_one_or_many(other).map(Some),
        }
    }
}

/// `deserialize_with` for a list field whose examples show one item where the table documents
/// an array, or an array where it documents one object: both decode into the list.
pub fn one_or_many<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromOneOrMany,
{
    let value = Value::deserialize(deserializer)?;
    T::from_one_or_many(value).map_err(D::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    struct Item {
        name: String,
    }

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    struct Record {
        #[serde(deserialize_with = "scalar")]
        id: i64,
        #[serde(
            default,
            deserialize_with = "scalar",
            skip_serializing_if = "Option::is_none"
        )]
        tag: Option<String>,
        #[serde(
            default,
            deserialize_with = "scalar",
            skip_serializing_if = "Option::is_none"
        )]
        ratio: Option<f32>,
        #[serde(
            default,
            deserialize_with = "scalar",
            skip_serializing_if = "Option::is_none"
        )]
        rows: Option<Vec<Vec<String>>>,
        #[serde(deserialize_with = "one_or_many")]
        items: Vec<Item>,
        #[serde(
            default,
            deserialize_with = "one_or_many",
            skip_serializing_if = "Option::is_none"
        )]
        more: Option<Vec<Item>>,
    }

    #[test]
    fn documented_and_example_shapes_both_decode() {
        let documented: Record = serde_json::from_str(
            r#"{"id": 10, "tag": "v1", "ratio": 0.5, "rows": [["a"]], "items": [{"name": "x"}]}"#,
        )
        .unwrap();
        let example: Record = serde_json::from_str(
            r#"{"id": " 10", "tag": 0.1, "ratio": "0.5", "rows": [["a", {"k": 1}, 2]], "items": {"name": "x"}, "more": null}"#,
        )
        .unwrap();
        assert_eq!(documented.id, example.id);
        assert_eq!(example.tag.as_deref(), Some("0.1"));
        assert_eq!(example.ratio, Some(0.5));
        assert_eq!(
            example.rows,
            Some(vec![vec!["a".into(), r#"{"k":1}"#.into(), "2".into()]])
        );
        assert_eq!(example.items, documented.items);
        assert_eq!(example.more, None);
        let absent: Record = serde_json::from_str(r#"{"id": 1, "items": []}"#).unwrap();
        assert_eq!((absent.tag, absent.more), (None, None));
        // Out it goes as documented.
        assert_eq!(
            serde_json::to_value(&example).unwrap()["id"],
            serde_json::json!(10)
        );
    }

    #[test]
    fn what_no_shape_allows_is_still_an_error() {
        let e = serde_json::from_str::<Record>(r#"{"id": "2e5451fe", "items": []}"#).unwrap_err();
        assert!(e.to_string().contains("is not a i64"), "{e}");
        assert!(serde_json::from_str::<Record>(r#"{"id": 1, "items": "x"}"#).is_err());
        assert!(serde_json::from_str::<Record>(
            r#"{"id": 3000000000000, "items": [], "tag": null}"#
        )
        .is_ok());
        assert!(i32::from_lenient(Value::from(3_000_000_000i64)).is_err());
        assert!(bool::from_lenient(Value::from("yes")).is_err());
        assert_eq!(bool::from_lenient(Value::from("true")), Ok(true));
    }
}
