// TorchSharp's random generator (torch.manual_seed) is process-wide: tests that train or sample with a seed must
// not run beside each other, or one test's draws shift another's (the resume test compares weights bit for bit).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
