use super::*;

fn doc(md: &str) -> (Document, Diagnostics) {
    read(Arc::from("t.md"), md)
}

#[test]
fn dedent_removes_common_indent_only() {
    assert_eq!(dedent("    {\n        \"a\": 1\n\n    }\n"), "{\n    \"a\": 1\n\n}");
    assert_eq!(dedent("x\n  y"), "x\n  y");
}

#[test]
fn section_numbers_split_off() {
    let mut t = RichText::from_text("4.2 创建训练作业");
    assert_eq!(take_section_number(&mut t).as_deref(), Some("4.2"));
    assert_eq!(t.one_line(), "创建训练作业");
    let mut t = RichText::from_text("2024 版本说明");
    assert_eq!(take_section_number(&mut t), None);
    let mut t = RichText::from_text("URI");
    assert_eq!(take_section_number(&mut t), None);
}
