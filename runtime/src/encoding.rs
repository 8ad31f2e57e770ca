//! Percent-encoding shared by URL building and AK/SK signing.
//!
//! Both must agree byte for byte: the gateway recomputes the canonical request from the
//! URL it receives, so the client sends exactly the encoding it signed.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything except RFC 3986 unreserved characters (`A-Z a-z 0-9 - _ . ~`) is encoded,
/// including `/`, `+` and space (as `%20`). This is what the official SDK signers use
/// (Python `quote(s, safe='~')`).
const STRICT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encode one path segment or query component (UTF-8, upper-case hex).
pub fn encode_component(s: &str) -> String {
    utf8_percent_encode(s, STRICT).to_string()
}

/// Decode `%XX` escapes (invalid UTF-8 is replaced, never rejected).
pub fn decode_component(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_all_but_unreserved() {
        assert_eq!(encode_component("a b/c~d*e"), "a%20b%2Fc~d%2Ae");
        assert_eq!(encode_component("my config:1"), "my%20config%3A1");
        assert_eq!(encode_component("A-z_0.9"), "A-z_0.9");
        assert_eq!(encode_component("工"), "%E5%B7%A5");
        assert_eq!(encode_component("a+b=c&d"), "a%2Bb%3Dc%26d");
    }

    #[test]
    fn decode_reverses_encode() {
        for s in ["a b/c~d*e", "工作流", "100%"] {
            assert_eq!(decode_component(&encode_component(s)), s);
        }
    }
}
