//! `pipeline::run_all`, the one place docbind runs jobs in parallel: whatever the number of
//! workers, every job's outputs are the ones `pipeline::run` gives it alone, in job order.

mod common;
use common::*;
use docbind::pipeline::{self, Job, Outputs};
use std::path::PathBuf;

fn job(reference: &str) -> Job {
    Job {
        title: reference.into(),
        openapi_json: Some(PathBuf::from("api.json")),
        ..Job::ad_hoc(pipeline::expand_inputs(&[repo_root().join(reference)]).expect("listable"))
    }
}

fn files(outputs: &Outputs) -> Vec<String> {
    outputs.files.values().cloned().collect()
}

#[test]
fn parallel_jobs_give_each_job_its_own_outputs_in_order() {
    let jobs: Vec<Job> = [
        "tests/corpus/otc-rst/kms",
        "tests/corpus/otc-rst/as",
        "tests/corpus/otc-rst/dns",
    ]
    .into_iter()
    .map(job)
    .collect();
    let alone: Vec<Vec<String>> = jobs
        .iter()
        .map(|j| files(&pipeline::run(j).expect("runs")))
        .collect();
    for workers in [1, 2, 8] {
        let together: Vec<Vec<String>> = pipeline::run_all(&jobs, workers)
            .iter()
            .map(|r| files(r.as_ref().expect("runs")))
            .collect();
        assert_eq!(together, alone, "{workers} workers");
    }
    // The titles differ, so a result in the wrong slot could not go unnoticed.
    assert!(alone[0][0].contains("otc-rst/kms") && alone[1][0].contains("otc-rst/as"));
    assert!(pipeline::run_all(&[], 2).is_empty());
}
