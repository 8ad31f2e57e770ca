//! Region → endpoint: the region provider chain and both clouds' endpoint patterns.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use crate::sources::{names, Sources};
use crate::Error;

/// The two clouds sharing this API family, each with its endpoint pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cloud {
    /// Huawei Cloud: `https://{service}.{region}.myhuaweicloud.com`.
    HuaweiCloud,
    /// Open Telekom Cloud: `https://{service}.{region}.otc.t-systems.com`.
    OpenTelekomCloud,
}

impl Cloud {
    fn domain(self) -> &'static str {
        match self {
            Cloud::HuaweiCloud => "myhuaweicloud.com",
            Cloud::OpenTelekomCloud => "otc.t-systems.com",
        }
    }

    /// Endpoint template of `service` (`{region}` left in place for [`Config::new`](crate::Config::new)).
    pub fn endpoint_template(self, service: &str) -> String {
        format!("https://{service}.{{region}}.{}", self.domain())
    }

    /// IAM endpoint of `region`: where project and domain IDs are discovered.
    pub fn iam_endpoint(self, region: &str) -> String {
        format!("https://iam.{region}.{}", self.domain())
    }

    /// The cloud whose domain `url`'s host ends with (`None` for mock servers, private
    /// endpoints and other hosts).
    pub fn of_url(url: &str) -> Option<Cloud> {
        let host = reqwest::Url::parse(url)
            .ok()?
            .host_str()?
            .to_ascii_lowercase();
        [Cloud::HuaweiCloud, Cloud::OpenTelekomCloud]
            .into_iter()
            .find(|cloud| host.ends_with(&format!(".{}", cloud.domain())))
    }
}

/// Which link of the region chain gave the endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointSource {
    /// `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}`, named here.
    Environment(String),
    /// The regions file at this path.
    RegionsFile(PathBuf),
    /// The service's endpoint template.
    Template,
}

/// The service name of an endpoint template: the first label of its host
/// (`https://modelarts.{region}.myhuaweicloud.com` → `modelarts`).
pub fn service_of_template(endpoint_template: &str) -> Option<String> {
    let rest = endpoint_template.split_once("://")?.1;
    let label = rest.split(['.', '/', ':']).next()?;
    (!label.is_empty() && !label.contains('{')).then(|| label.to_string())
}

/// Endpoint of `service` in `region`, as the official region provider chain finds it:
/// the environment variable `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}` (first of a
/// comma-separated list), then the regions file (`HUAWEICLOUD_SDK_REGIONS_FILE` or
/// `~/.huaweicloud/regions.yaml`), then `endpoint_template` with `{region}` filled.
///
/// The regions file maps upper- or lower-case service names to lists of
/// `{id, endpoint}` or `{id, endpoints: [..]}`. Where a file or variable lists several
/// endpoints the first is used. A regions file that exists but cannot be read or parsed is
/// an [`Error::Config`] naming the file.
pub fn resolve_endpoint(
    service: &str,
    region: &str,
    endpoint_template: &str,
    sources: &Sources,
) -> Result<(String, EndpointSource), Error> {
    let variable = format!(
        "{}_{}_{}",
        names::REGION_ENDPOINT_PREFIX,
        env_part(service),
        env_part(region)
    );
    if let Some(value) = sources.var(&variable) {
        if let Some(first) = value.split(',').map(str::trim).find(|e| !e.is_empty()) {
            return Ok((first.to_string(), EndpointSource::Environment(variable)));
        }
    }
    if let Some(path) = sources.profile_path(names::REGIONS_FILE, names::REGIONS_FILE_NAME) {
        if let Some(endpoint) = endpoint_from_file(&path, service, region)? {
            return Ok((endpoint, EndpointSource::RegionsFile(path)));
        }
    }
    Ok((
        endpoint_template.replace("{region}", region),
        EndpointSource::Template,
    ))
}

fn env_part(name: &str) -> String {
    name.to_ascii_uppercase().replace('-', "_")
}

#[derive(Deserialize)]
struct RegionEntry {
    id: Option<String>,
    endpoint: Option<String>,
    #[serde(default)]
    endpoints: Vec<String>,
}

fn endpoint_from_file(
    path: &std::path::Path,
    service: &str,
    region: &str,
) -> Result<Option<String>, Error> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::config(format!("{}: {e}", path.display()))),
    };
    let services: BTreeMap<String, Vec<RegionEntry>> = serde_norway::from_str(&text)
        .map_err(|e| Error::config(format!("{}: not a regions file: {e}", path.display())))?;
    // Service names match case-insensitively; every matching key counts.
    Ok(services
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case(service))
        .flat_map(|(_, entries)| entries)
        .find(|entry| entry.id.as_deref() == Some(region))
        .and_then(|entry| {
            entry
                .endpoints
                .iter()
                .chain(&entry.endpoint)
                .find(|e| !e.trim().is_empty())
                .cloned()
        }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_clouds_patterns_and_detection() {
        assert_eq!(
            Cloud::OpenTelekomCloud.endpoint_template("dns"),
            "https://dns.{region}.otc.t-systems.com"
        );
        assert_eq!(
            Cloud::HuaweiCloud.iam_endpoint("cn-north-4"),
            "https://iam.cn-north-4.myhuaweicloud.com"
        );
        assert_eq!(
            Cloud::of_url("https://ecs.eu-de.otc.t-systems.com"),
            Some(Cloud::OpenTelekomCloud)
        );
        assert_eq!(
            Cloud::of_url("https://modelarts.cn-north-4.myhuaweicloud.com/"),
            Some(Cloud::HuaweiCloud)
        );
        assert_eq!(Cloud::of_url("http://127.0.0.1:8080"), None);
        assert_eq!(Cloud::of_url("https://evilmyhuaweicloud.com"), None);
    }

    #[test]
    fn service_name_is_the_first_host_label() {
        assert_eq!(
            service_of_template("https://modelarts.{region}.myhuaweicloud.com").as_deref(),
            Some("modelarts")
        );
        assert_eq!(service_of_template("https://{region}.example.com"), None);
        assert_eq!(service_of_template("no scheme"), None);
    }
}
