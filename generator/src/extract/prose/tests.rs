use super::*;
use crate::doc::{Inline, Paragraph};
use crate::ir::{EnumValue, Schema, SchemaKind};
use serde_json::json;
use std::sync::Arc;

/// A cell from compact text: one paragraph per line, `- ` starts a list item, `**x**` is a
/// strong run and `` `x` `` a code run.
fn cell(text: &str) -> RichText {
    let paragraphs = text
        .lines()
        .map(|line| {
            let (depth, body) = match line.strip_prefix("- ") {
                Some(b) => (1, b),
                None => (0, line),
            };
            let mut inlines = Vec::new();
            let mut rest = body;
            while !rest.is_empty() {
                let next = [("**", "**"), ("`", "`")]
                    .iter()
                    .filter_map(|(o, c)| rest.find(o).map(|i| (i, *o, *c)))
                    .min_by_key(|x| x.0);
                match next {
                    Some((i, open, close)) => {
                        let after = &rest[i + open.len()..];
                        let Some(j) = after.find(close) else {
                            inlines.push(Inline::Text(rest.to_string()));
                            break;
                        };
                        if i > 0 {
                            inlines.push(Inline::Text(rest[..i].to_string()));
                        }
                        let run = after[..j].to_string();
                        inlines.push(if open == "**" {
                            Inline::Strong(run)
                        } else {
                            Inline::Code(run)
                        });
                        rest = &after[j + close.len()..];
                    }
                    None => {
                        inlines.push(Inline::Text(rest.to_string()));
                        break;
                    }
                }
            }
            Paragraph {
                list_depth: depth,
                inlines,
            }
        })
        .collect();
    RichText { paragraphs }
}

fn mine(kind: SchemaKind, text: &str) -> (Schema, Diagnostics) {
    let mut schema = Schema::new(kind);
    let mut diags = Diagnostics::new();
    let span = Span::new(&Arc::from("t.md"), 7, 7);
    apply(
        &mut schema,
        &cell(text),
        &span,
        &mut Memo::default(),
        &mut diags,
    );
    (schema, diags)
}

fn string() -> SchemaKind {
    SchemaKind::String { format: None }
}
fn int() -> SchemaKind {
    SchemaKind::Integer {
        format: crate::ir::IntFormat::Int32,
    }
}
fn number() -> SchemaKind {
    SchemaKind::Number {
        format: crate::ir::NumberFormat::Double,
    }
}

fn values(s: &Schema) -> Vec<serde_json::Value> {
    s.enum_values.iter().map(|e| e.value.clone()).collect()
}

fn pairs(s: &Schema) -> Vec<(String, Option<String>)> {
    s.enum_values
        .iter()
        .map(|EnumValue { value, description }| {
            (
                value.as_str().map_or(value.to_string(), str::to_string),
                description.clone(),
            )
        })
        .collect()
}

/// Enum mining over representative descriptions (zh and en): the snapshot shows each input and
/// what was read from it.
#[test]
fn enum_mining_snapshot() {
    let cases: Vec<(&str, SchemaKind, &str)> = vec![
        ("zh list items, space separator", string(), "节点的类型，枚举值如下：\n- job 训练\n- labeling 标注\n- release_dataset 数据集发布"),
        ("zh one paragraph of value：meaning", string(), "输入项类型。枚举值如下：\ndataset：数据集 obs：OBS data_selector：数据选择"),
        ("zh list items, colon", string(), "服务器类型。枚举值如下：\n- BMS：裸金属服务\n- ECS：弹性云服务\n- HPS：超节点服务"),
        ("zh glued items", string(), "匹配方式。可选值如下：\n- • equal表示精确匹配。\n- • contain表示模糊匹配。"),
        ("zh integer enum", int(), "标注类型。可选值如下：\n- 0: 图像分类\n- 1: 物体检测\n- 3: 图像分割"),
        ("zh integer inline", int(), "资源池的受限状态。可选值如下：\n0：代表不受限 1：转包周期受限 2：规格变更受限"),
        ("zh 可选值为、", string(), "数据来源的类型，可选值为dataset、obs、swr、model。"),
        ("zh single value then prose", string(), "工作流来源，可选值为ai_gallery，表示工作流是从AI Gallery导入的。"),
        ("zh parenthesised meanings", string(), "枚举值：ROUND_ROBIN(加权轮询算法)，LEAST_CONNECTIONS(加权最少连接)，SOURCE_IP(源ip算法)"),
        ("zh glued one-paragraph items", string(), "资源池集群状态。可选值如下：\nCreating: 创建中Running: 运行中Abnormal: 资源池不正常"),
        ("zh values paragraph", string(), "镜像支持的规格。枚举值如下：\nCPU GPU ASCEND"),
        ("zh 取值为", string(), "排序方式，取值为asc或desc。"),
        ("zh marked values", string(), "数据来源，取值为`“obs”`、`“dataset”`。"),
        ("zh default marked in an item", int(), "数据类型。可选值如下：\n- 0: OBS桶（默认值）\n- 1: GaussDB(DWS)服务"),
        ("zh bare bullet list with colons", string(), "计费模式。\n- COMMON: 同时支持包周期和按需\n- POST_PAID: 按需模式\n- PRE_PAID: 包周期"),
        ("zh bare bullet list of values", string(), "规格处理器类型。\n- CPU\n- GPU\n- ASCEND"),
        ("en strong runs", string(), "Dataset type. The value can be **obs** or **dataset**. **obs** and **dataset** cannot be used at the same time."),
        ("en options", string(), "Sort order. Options: asc, desc."),
        ("en list items", string(), "Job status. Possible values:\n- running: The job is running.\n- failed: The job failed."),
        ("array of strings", SchemaKind::Array { items: Box::new(Schema::string()) }, "支持的存储类型。\n- obs\n- evs\n- efs"),
    ];
    let mut out = String::new();
    for (name, kind, text) in cases {
        let (s, d) = mine(kind, text);
        let s = match &s.kind {
            SchemaKind::Array { items } => (**items).clone(),
            _ => s,
        };
        out.push_str(&format!("## {name}\n{text}\n=> {:?}\n", pairs(&s)));
        if let Some(def) = &s.default {
            out.push_str(&format!("   default {def}\n"));
        }
        for f in &s.mined {
            out.push_str(&format!("   {:?} from {:?}\n", f.kind, f.text));
        }
        for x in d.iter() {
            out.push_str(&format!("   diagnostic {}: {}\n", x.code, x.message));
        }
        assert!(!s.enum_values.is_empty(), "{name}: no values mined");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn values_are_typed_like_the_field() {
    let (s, d) = mine(
        int(),
        "标注类型。可选值如下：\n- 0: 图像分类\n- 1: 物体检测",
    );
    assert_eq!(values(&s), vec![json!(0), json!(1)]);
    assert!(d.is_empty());
    // An announced list whose values do not fit an integer field: a diagnostic, no enum.
    let (s, d) = mine(int(), "操作类型。可选值如下：\n- stop: 停止\n- start: 启动");
    assert!(s.enum_values.is_empty());
    assert!(s.mined.is_empty());
    assert_eq!(
        d.iter().next().map(|x| x.code.as_str()),
        Some("prose.enum-type-mismatch")
    );
}

/// Text that mentions numbers, ranges or lists without stating allowed values, lengths or
/// defaults yields nothing.
#[test]
fn nothing_is_mined_from_text_that_does_not_state_it() {
    let counter: Vec<(SchemaKind, &str)> = vec![
        (string(), "取值范围请参见《规格列表》。"),
        (int(), "取值范围请参见表3。"),
        (string(), "训练作业的名称，例如：job-01、job-02。"),
        (int(), "本次查询的记录数，例如100。"),
        (string(), "算法的代码目录。规则如下：\n- 必须为/home下的目录；\n- v1兼容模式下，当前字段不生效；"),
        (string(), "导入的OBS路径或manifest路径。\n- 导入manifest时，path必须精确到具体manifest文件。\n- 导入为目录时，目前仅支持图片分类。"),
        (int(), "训练作业的引擎类型。对应关系如下：\n- engine_type: 1, engine_name: TensorFlow\n- engine_type: 2, engine_name: MXNet"),
        (string(), "查询时间范围。参数解释：\n- startTime: 查询的开始时间\n- endTime: 查询的结束时间"),
        (string(), "配置ID，当前支持：\n- Ascend-Power-Engine 1.0(python3)\n- Multi-Engine 1.0 (python2)-cpu"),
        (string(), "训练作业的描述，默认为空。"),
        (string(), "工作空间ID。未创建工作空间时默认值为“0”。"),
        (int(), "部署服务时，默认值为1；更新服务配置时，默认值为上一次设置的值。"),
        (string(), "网络的cidr，64位系统可用。"),
        (int(), "当前返回的日志大小（单位：字节）。最大为5兆。"),
        (string(), "本版本共有3个节点，2018年发布。"),
        (int(), "2019年起，每页返回100条。"),
        (string(), "OBS URL of the output. By default, this parameter is left blank. Example value: **/bucket/trainUrl/**"),
        (string(), "Obtain the ID by calling the API described in Querying Job Engines. See the 256 characters note."),
        (int(), "Number of records, for example 10 or 20."),
    ];
    for (kind, text) in counter {
        let (s, d) = mine(kind, text);
        assert!(
            s.enum_values.is_empty(),
            "enum mined from {text:?}: {:?}",
            s.enum_values
        );
        assert!(
            s.constraints.is_empty(),
            "constraint mined from {text:?}: {:?}",
            s.constraints
        );
        assert!(
            s.default.is_none(),
            "default mined from {text:?}: {:?}",
            s.default
        );
        assert!(s.mined.is_empty());
        assert!(d.is_empty(), "diagnostics for {text:?}: {d:?}");
    }
}

#[test]
fn lengths_of_strings() {
    let cases: Vec<(&str, Option<u64>, Option<u64>)> = vec![
        ("名称，1到64位只包含中英文。", Some(1), Some(64)),
        ("名称，长度为1-100位。", Some(1), Some(100)),
        ("模型备注信息，1-100位长度。", Some(1), Some(100)),
        (
            "工作空间名称。长度限制为4-64字符，支持中文。",
            Some(4),
            Some(64),
        ),
        (
            "TMS标签的key。长度不能超过128个字符，首尾不能有空格。",
            None,
            Some(128),
        ),
        ("实例说明，长度限制为512字符。", None, Some(512)),
        ("描述，字符串的长度限制为[0, 256]。", Some(0), Some(256)),
        ("描述，字符串的长度限制为[0，256]。", Some(0), Some(256)),
        (
            "Description. The value must contain 0 to 256 characters.",
            Some(0),
            Some(256),
        ),
        (
            "Name. It can contain a maximum of 64 characters.",
            None,
            Some(64),
        ),
    ];
    for (text, min, max) in cases {
        let (s, d) = mine(string(), text);
        assert_eq!(
            (s.constraints.min_length, s.constraints.max_length),
            (min, max),
            "{text}"
        );
        assert!(d.is_empty(), "{text}: {d:?}");
        assert!(s
            .mined
            .iter()
            .all(|f| matches!(f.kind, MinedKind::MinLength | MinedKind::MaxLength)));
    }
}

#[test]
fn ranges_of_numbers() {
    /// kind, text, minimum, exclusive, maximum, exclusive
    type Case = (
        SchemaKind,
        &'static str,
        Option<f64>,
        bool,
        Option<f64>,
        bool,
    );
    let cases: Vec<Case> = vec![
        (
            int(),
            "指定每一页返回的最大条目数，取值范围[1,100]，默认为10。",
            Some(1.0),
            false,
            Some(100.0),
            false,
        ),
        (
            number(),
            "置信度，取值范围为[0,1]",
            Some(0.0),
            false,
            Some(1.0),
            false,
        ),
        (
            number(),
            "学习率，取值范围(0,∞)。",
            Some(0.0),
            true,
            None,
            false,
        ),
        (
            int(),
            "副本数，取值范围：1~128。",
            Some(1.0),
            false,
            Some(128.0),
            false,
        ),
        (
            int(),
            "每页条数，最大值为1000。",
            None,
            false,
            Some(1000.0),
            false,
        ),
        (
            int(),
            "Number of records. The value ranges from 1 to 100.",
            Some(1.0),
            false,
            Some(100.0),
            false,
        ),
        (
            int(),
            "Weight, between 0 and 100.",
            Some(0.0),
            false,
            Some(100.0),
            false,
        ),
        (int(), "等待时长，取值大于0。", Some(0.0), true, None, false),
        (
            number(),
            "权重，值不能小于0.01。",
            Some(0.01),
            false,
            None,
            false,
        ),
    ];
    for (kind, text, min, xmin, max, xmax) in cases {
        let (s, d) = mine(kind, text);
        let c = &s.constraints;
        assert_eq!(
            (
                c.minimum,
                c.exclusive_minimum,
                c.maximum,
                c.exclusive_maximum
            ),
            (min, xmin, max, xmax),
            "{text}"
        );
        assert!(d.is_empty(), "{text}: {d:?}");
    }
}

#[test]
fn defaults_are_typed() {
    let (s, _) = mine(int(), "每页条数，取值范围[1,100]，默认为10。");
    assert_eq!(s.default, Some(json!(10)));
    let (s, _) = mine(
        SchemaKind::Boolean,
        "workflowSMN消息订阅开关，默认为false，表示关闭消息订阅开关。",
    );
    assert_eq!(s.default, Some(json!(false)));
    let (s, _) = mine(
        string(),
        "自动停止类别，默认为timing。\n- timing：自动停止。\n- idle：空闲停止。",
    );
    assert_eq!(s.default, Some(json!("timing")));
    assert_eq!(values(&s), vec![json!("timing"), json!("idle")]);
    let (s, _) = mine(string(), "排序字段，缺省值：desc。");
    assert_eq!(s.default, Some(json!("desc")));
    let (s, _) = mine(SchemaKind::Integer { format: crate::ir::IntFormat::Int64 }, "ID of the engine. The default value is **1**. After setting **model_id**, you do not need it.");
    assert_eq!(s.default, Some(json!(1)));
    let (s, _) = mine(string(), "Sort order. It defaults to `asc`.");
    assert_eq!(s.default, Some(json!("asc")));
    let (s, _) = mine(
        string(),
        "是否自动续费。可选值如下: 0: 不自动续费, 默认值 1: 自动续费",
    );
    assert_eq!(
        s.default,
        Some(json!("0")),
        "the item marked as default, not the next item"
    );
    let (s, _) = mine(string(), "训练作业的描述，默认为“NULL”。");
    assert_eq!(s.default, None, "a null word is no string default");
    // A stated default that is not of the field's type: a diagnostic, no default.
    let (s, d) = mine(int(), "是否开启，默认为true。");
    assert_eq!(s.default, None);
    assert_eq!(
        d.iter().next().map(|x| x.code.as_str()),
        Some("prose.default-type-mismatch")
    );
    // A default that contradicts the stated values is no default.
    let (s, d) = mine(
        string(),
        "排序字段，默认为name。可选值如下：\n- app_name：名称\n- created_at：创建时间",
    );
    assert_eq!(s.default, None);
    assert_eq!(s.enum_values.len(), 2);
    assert!(d.iter().any(|x| x.code == "prose.default-contradicts"));
    let (s, _) = mine(int(), "每页条数，取值范围[1,100]，默认为1000。");
    assert_eq!(s.default, None);
    let default_fact = mine(int(), "每页条数，默认为10。").0.mined;
    assert_eq!(default_fact.len(), 1);
    assert_eq!(default_fact[0].text, "默认为10");
    assert_eq!(default_fact[0].span.start, 7);
}

/// One memo serves a whole run: a description read for one field is reused for the next
/// field with the same text, and the result is the same as reading it afresh, whatever kind of
/// field came first (the memo is keyed by what each kind can carry).
#[test]
fn memoised_findings_equal_fresh_ones() {
    let text = "长度为1~64位，取值范围1~100。默认值：8。可选值：\n- 8\n- 16";
    let kinds = [
        string(),
        int(),
        number(),
        SchemaKind::Boolean,
        SchemaKind::Array {
            items: Box::new(Schema::new(int())),
        },
        int(),
        string(),
    ];
    let span = Span::new(&Arc::from("t.md"), 7, 7);
    let mut memo = Memo::default();
    for kind in kinds {
        let (fresh, fresh_diags) = mine(kind.clone(), text);
        let mut shared = Schema::new(kind);
        let mut diags = Diagnostics::new();
        apply(&mut shared, &cell(text), &span, &mut memo, &mut diags);
        assert_eq!(
            serde_json::to_value(&shared).unwrap(),
            serde_json::to_value(&fresh).unwrap()
        );
        assert_eq!(format!("{diags:?}"), format!("{fresh_diags:?}"));
    }
    // The string and the integer readings differ (lengths vs ranges), so neither was served
    // the other's.
    let (s, _) = mine(string(), text);
    let (i, _) = mine(int(), text);
    assert_eq!(s.constraints.max_length, Some(64));
    assert_eq!(i.constraints.maximum, Some(100.0));
    assert_eq!(
        memo.read.len(),
        4,
        "string, number-like, boolean and array readings"
    );
}

/// A list whose last alternative names a kind of value (`or a positive integer`) is open: the
/// values before it are examples, not an enumeration.
#[test]
fn open_alternatives_are_no_value_list() {
    for text in [
        "If action is set to filter, this parameter takes effect. Its value can be 0 (default) or a positive integer.",
        "取值为0或其他正整数。",
    ] {
        let (s, _) = mine(int(), text);
        assert!(
            s.enum_values.is_empty(),
            "enum mined from {text:?}: {:?}",
            s.enum_values
        );
    }
    // A state is no value either.
    for text in [
        "It can contain a maximum of 43 characters. The value can be empty.",
        "The value can be left blank.",
        "The value can be **on** or empty.",
    ] {
        let (s, _) = mine(string(), text);
        assert!(
            s.enum_values.is_empty(),
            "enum mined from {text:?}: {:?}",
            s.enum_values
        );
    }
    // A closed list stays one.
    let (s, _) = mine(int(), "Its value can be 0 or 1.");
    assert_eq!(values(&s), vec![json!(0), json!(1)]);
}

/// `The options are a, b, and c` announces a list without a colon; `options are available:`
/// announces the list after its colon, not `available`.
#[test]
fn options_are_announce_a_value_list() {
    let (s, _) = mine(string(), "Protocol. The options are ssh and https.");
    assert_eq!(values(&s), vec![json!("ssh"), json!("https")]);
    let (s, _) = mine(
        string(),
        "The following options are available: **TCP**, **HTTP**.",
    );
    assert_eq!(values(&s), vec![json!("TCP"), json!("HTTP")]);
}

/// `取值范围` / `Value range` followed by names only is a value list (`取值范围：SOURCE_IP、
/// HTTP_COOKIE、APP_COOKIE。`); followed by numbers it is a range (the limits read it), and a
/// sentence that is not all names (an open end, a format, prose) is no list.
#[test]
fn a_value_range_of_names_is_a_value_list() {
    let (s, _) = mine(
        string(),
        "会话保持类型。\n取值范围：SOURCE_IP、HTTP_COOKIE、APP_COOKIE。\n使用说明：…",
    );
    assert_eq!(
        values(&s),
        vec![
            json!("SOURCE_IP"),
            json!("HTTP_COOKIE"),
            json!("APP_COOKIE")
        ]
    );
    let (s, _) = mine(
        string(),
        "对该资源的当前操作。\n取值范围：CREATE，UPDATE，DELETE，NONE",
    );
    assert_eq!(
        values(&s),
        vec![
            json!("CREATE"),
            json!("UPDATE"),
            json!("DELETE"),
            json!("NONE")
        ]
    );
    let (s, _) = mine(string(), "协议类型。取值：TCP、UDP_CONNECT或HTTP。");
    assert_eq!(
        values(&s),
        vec![json!("TCP"), json!("UDP_CONNECT"), json!("HTTP")]
    );
    let (s, _) = mine(
        string(),
        "数据库版本。取值：DDS-Community，或DDS-Enhanced。",
    );
    assert_eq!(
        values(&s),
        vec![json!("DDS-Community"), json!("DDS-Enhanced")]
    );
    let (s, _) = mine(string(), "DNAT规则后端的类型。 取值： COMPUTE：后端为计算实例。 VIP：后端为VIP的实例。 ELB：后端为ELB的实例。");
    assert_eq!(
        values(&s),
        vec![json!("COMPUTE"), json!("VIP"), json!("ELB")]
    );
    let (s, _) = mine(
        string(),
        "Proxy instance status. Value: ACTIVE, ABNORMAL, FAILED, or DELETED.",
    );
    assert_eq!(
        values(&s),
        vec![
            json!("ACTIVE"),
            json!("ABNORMAL"),
            json!("FAILED"),
            json!("DELETED")
        ]
    );
    let (s, _) = mine(string(), "后端协议。取值范围：TCP、UDP和HTTP。");
    assert_eq!(values(&s), vec![json!("TCP"), json!("UDP"), json!("HTTP")]);
    let (s, _) = mine(
        string(),
        "Backup status. Value range: waiting_protect, protecting, available",
    );
    assert_eq!(
        values(&s),
        vec![
            json!("waiting_protect"),
            json!("protecting"),
            json!("available")
        ]
    );
    for text in [
        "权重。取值范围：0~100。",
        "端口。取值范围：1、65535。",
        "Metric name. Value range: cpuUsage, cpuCoreUsed, and other basic metrics provided by AOM",
        "ID。取值范围：UUID格式。",
        "名称。取值范围：ecs或者其他服务名称",
        "类型。取值范围：NORMAL。",
        "Time zone. Value range: GMT-12:00 to GMT+12:00.",
        "Backup days. Example value: Monday, Tuesday",
        "健康检查器的配置状态。取值：ACTIVE表示使用中。",
        "名称。取值：1-64个字符，支持数字、字母。",
    ] {
        let (s, _) = mine(string(), text);
        assert!(values(&s).is_empty(), "{text}: {:?}", values(&s));
    }
}

/// An announced bullet giving two names for one value (`true或block (…)`, `false or skip (…)`)
/// gives both; `false or others` makes the list open (none).
#[test]
fn bullets_naming_a_value_twice() {
    let all = vec![
        json!("true"),
        json!("block"),
        json!("try"),
        json!("false"),
        json!("skip"),
    ];
    let (s, _) = mine(
        string(),
        "是否删除evs（云硬盘）， 枚举取值：\n- true或block (执行删除流程，失败则阻塞后续流程)\n- try (执行删除流程，失败则忽略)\n- false或skip (跳过删除流程，默认选项)",
    );
    assert_eq!(values(&s), all);
    assert_eq!(
        pairs(&s)[1].1.as_deref(),
        Some("执行删除流程，失败则阻塞后续流程")
    );
    let (s, _) = mine(
        string(),
        "Whether to delete EVS disks. Value options:\n- true or block (The deletion blocks.)\n- try (The deletion is tried.)\n- false or skip (The object is not deleted.)",
    );
    assert_eq!(values(&s), all);
    let (s, _) = mine(
        string(),
        "Whether to return the count. Options:\n- true: The count is returned.\n- false or others: The count is not returned.",
    );
    assert!(values(&s).is_empty(), "{:?}", values(&s));
}

/// A value the description states as fixed (`固定值“Addon”`, `The value is fixed at **v3**`) is
/// a list of that value (and of the alternatives named with it); not when the phrase speaks of
/// another field (`key固定为空字符串`), of one case (`共享型：固定为v4`) or under a condition.
#[test]
fn a_fixed_value_is_a_list_of_one() {
    for (text, want) in [
        (
            "API类型，固定值“Addon”，该值不可修改。",
            vec![json!("Addon")],
        ),
        (
            "API类型，固定值“Cluster”或“cluster”，该值不可修改。",
            vec![json!("Cluster"), json!("cluster")],
        ),
        (
            "API version. The value is fixed at **v3** and cannot be changed.",
            vec![json!("v3")],
        ),
        ("存储类型，固定取值为dss。", vec![json!("dss")]),
        (
            "Resource instance. The value is fixed to resource_instances.",
            vec![json!("resource_instances")],
        ),
    ] {
        let (s, _) = mine(string(), text);
        assert_eq!(values(&s), want, "{text}");
    }
    for text in [
        "当转发规则类别type为PATH时，key固定为空字符串，value表示请求路径的值。",
        "后端云服务器组支持的IP版本。\n- 共享型：固定为v4；\n- 独享型：取值dualstack、v4、v6。当协议为HTTP时，ip_version为v4。",
        "Timeout. If action is set to filter, the value is fixed at 10.",
        "匹配方式，固定为精确搜索。",
    ] {
        let (s, _) = mine(string(), text);
        assert!(values(&s).is_empty(), "{text}: {:?}", values(&s));
    }
}

/// An announced list closed by notes the converter left in it (`- System disk encryption is not
/// supported.`) is the values before them; `The options are as follows:` announces; values each
/// explained in a paragraph of their own are one list (it was the first value alone).
#[test]
fn announced_lists_with_notes_and_one_value_per_paragraph() {
    let (s, _) = mine(
        string(),
        "Specifies a disk type. The options are as follows:\n- DATA: indicates a data disk.\n- SYS: indicates a system disk.\n- System disk encryption is not supported.",
    );
    assert_eq!(values(&s), vec![json!("DATA"), json!("SYS")]);
    let (s, _) = mine(
        string(),
        "计费类型。枚举值：\nSTORAGE：存储资源计费。\nCOMPUTE：计算资源计费。\nALL：所有计费类型",
    );
    assert_eq!(
        values(&s),
        vec![json!("STORAGE"), json!("COMPUTE"), json!("ALL")]
    );
    // A value that fails to parse before the end, or a note among unexplained values: no list.
    for text in [
        "Type. Options:\n- a: one.\n- The value b is not supported yet.\n- c: three.",
        "Type. Options:\n- a\n- b\n- The value c is not supported yet.",
    ] {
        let (s, _) = mine(string(), text);
        assert!(values(&s).is_empty(), "{text}: {:?}", values(&s));
    }
}

/// Values written with slashes between them (`取值为real-time/batch/edge`) are that many values
/// (they were one value holding the slashes); a media type (`application/json`) or `N/A` is not.
/// A default (`默认取值为“x509”`), one case's single value (`当…时，取值为“auto”`) and a value's own
/// meaning in an explained bullet (`- enum：枚举`) announce no list.
#[test]
fn slashes_defaults_conditions_and_meanings_in_value_lists() {
    let (s, _) = mine(
        string(),
        "推理方式，取值为real-time/batch/edge，默认不过滤推理方式。",
    );
    assert_eq!(
        values(&s),
        vec![json!("real-time"), json!("batch"), json!("edge")]
    );
    let (s, _) = mine(string(), "更新结果，取值为：SUCCESS/FAIL/RUNNING。");
    assert_eq!(
        values(&s),
        vec![json!("SUCCESS"), json!("FAIL"), json!("RUNNING")]
    );
    let (s, _) = mine(
        string(),
        "资源规格，取值为：modelarts.vm.cpu.2u/modelarts.vm.gpu.p4/modelarts.vm.ai1.a310。",
    );
    assert_eq!(values(&s).len(), 3);
    let (s, _) = mine(string(), "调度类型，当前仅支持取值为stop。");
    assert_eq!(values(&s), vec![json!("stop")]);
    let (s, _) = mine(
        string(),
        "策略条件\n- exact：绝对匹配\n- enum：枚举\n- pattern：正则\n策略类型为param时必选\n\n枚举值：\n- exact\n- enum\n- pattern",
    );
    assert_eq!(
        values(&s),
        vec![json!("exact"), json!("enum"), json!("pattern")]
    );
    let (s, _) = mine(
        string(),
        "授权范围，取值范围：project、domain、enterprise_project。\n说明：\n- 如需查看基于所有资源的授权记录，scope取值为domain，且is_inherited取值为true。",
    );
    assert_eq!(
        values(&s),
        vec![
            json!("project"),
            json!("domain"),
            json!("enterprise_project")
        ]
    );
    let (s, _) = mine(
        string(),
        "Operation. Options:\n- ADD: adds instances.\n- REMOVE/REDUCE: removes instances.\n- SET: sets the number.",
    );
    assert_eq!(
        values(&s),
        vec![json!("ADD"), json!("REMOVE"), json!("REDUCE"), json!("SET")]
    );
    assert_eq!(pairs(&s)[2].1.as_deref(), Some("removes instances"));
    let (s, _) = mine(
        string(),
        "Directory format. Options:\n- yyyy\n- yyyy/MM\n- yyyy/MM/dd",
    );
    assert_eq!(
        values(&s),
        vec![json!("yyyy"), json!("yyyy/MM"), json!("yyyy/MM/dd")]
    );
    let (s, _) = mine(
        string(),
        "委托的期限。\n- FOREVER：表示委托的期限为永久。\n- 24：表示委托的期限为一天。\n- XXX：表示委托的期限为有限时间，如480小时。",
    );
    assert!(
        values(&s).is_empty(),
        "a placeholder opens the list: {:?}",
        values(&s)
    );
    let (s, _) = mine(
        string(),
        "Sort key. The value can be engine, model_name, model_size, model_name, or create_time.",
    );
    assert_eq!(
        values(&s),
        vec![
            json!("engine"),
            json!("model_name"),
            json!("model_size"),
            json!("create_time")
        ]
    );
    let (s, _) = mine(string(), "消息类型，取值为application/json。");
    assert_eq!(values(&s), vec![json!("application/json")]);
    for text in [
        "Options: N/A",
        "集群认证模式。\n- kubernetes 1.11及之前版本的集群支持“x509”和“rbac”，默认取值为“x509”。",
        "模型来源的类型。\n- 当模型为自动学习部署过来时，取值为“auto”。\n- 当模型是用户通过训练作业部署时，此值为空。",
        "订购周期数。\n- periodType=year（周期类型为年）时，取值为1。",
        "备份类型。\n- 取值为“Auto”，表示自动全量备份。\n- 取值为“Manual”，表示手动全量备份。",
        "The snapshot description. The value can be **null**. The value can contain a maximum of 255 bytes.",
    ] {
        let (s, _) = mine(string(), text);
        assert!(values(&s).is_empty(), "{text}: {:?}", values(&s));
    }
}

/// Values each explained in parentheses and separated by spaces only (`zh-cn（中文） en-us（英文）`)
/// are a list of those values; `取值默认为0` states a default, not a list.
#[test]
fn explained_values_separated_by_spaces_and_defaults_stated_with_qu_zhi() {
    let (s, _) = mine(
        string(),
        "国际语种，可选值如下：zh-cn（中文） en-us（英文）",
    );
    assert_eq!(values(&s), vec![json!("zh-cn"), json!("en-us")]);
    let (s, _) = mine(
        string(),
        "工作空间id。未创建工作空间时取值默认为0，存在创建并使用的工作空间，以实际取值为准。",
    );
    assert!(s.enum_values.is_empty(), "{:?}", s.enum_values);
}

/// `-1 or ranges from 0 to 99999`: a value outside the range is an alternative to it (mined
/// alone, values [-1] and limits 0–99999 admit nothing); values inside the limits stay a list.
#[test]
fn values_outside_the_limits_are_alternatives_to_the_range() {
    for text in [
        "Maximum number of backups. The value can be **-1** or ranges from **0** to **99999**.",
        "单个备份对象自动备份的最大备份数。取值为-1或0-99999。\n最小值：1\n最大值：99999",
    ] {
        let (s, diags) = mine(int(), text);
        assert!(values(&s).is_empty(), "{text}: {:?}", values(&s));
        assert_eq!(s.constraints.minimum, Some(-1.0), "{text}");
        assert_eq!(s.constraints.maximum, Some(99999.0), "{text}");
        assert!(!s.mined.iter().any(|f| f.kind == MinedKind::Enum));
        assert!(diags.iter().any(|d| d.code == "prose.values-beside-limits"));
    }
    let (s, diags) = mine(int(), "取值为1、2或3，取值范围1~3。");
    assert_eq!(values(&s), vec![json!(1), json!(2), json!(3)]);
    assert_eq!(s.constraints.minimum, Some(1.0));
    assert!(diags.is_empty());
}
