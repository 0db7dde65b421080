using System.Diagnostics;
using DwsPowerShell.Client;
using DwsPowerShell.Client.Auth;
using DwsPowerShell.Client.Models;
using DwsPowerShell.Client.Models.Clusters;
using DwsPowerShell.Client.Waiting;
using DwsPowerShell.Emulator.Core;

// The README scenario: start the emulator on loopback, then through the client create a cluster,
// wait for it, take a snapshot, wait for it, list both, scale out and back in, and delete.
// Emulated time runs 600x faster, so a 10-minute creation takes a second.
var verbose = args.Contains("--verbose");
var clock = Stopwatch.StartNew();
void Say(string text) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0}s] {text}");

await using var emulator = await DwsEmulator.StartAsync(new EmulatorOptions { TimeScale = 600 });
Say($"Emulator listening on {emulator.BaseAddress} (region {emulator.Options.Region}, project {emulator.Options.ProjectId})");

using var session = new DwsSession(new DwsSessionOptions
{
    Endpoint = emulator.BaseAddress,
    Region = emulator.Options.Region,
    Credentials = new AccessKeyCredentials(emulator.Options.AccessKey, emulator.Options.SecretKey),
    Log = verbose ? entry => Console.WriteLine($"         {entry.Message}") : null,
});
var wait = new DwsWaitOptions { PollInterval = TimeSpan.FromMilliseconds(250), Timeout = TimeSpan.FromMinutes(2) };

var projectId = await session.GetProjectIdAsync();
Say($"Signed in with {session.Credentials.Kind}; project {projectId} (looked up from IAM by region)");

var flavor = (await session.Clusters.ListNodeTypesAsync()).First(t => t.DatastoreType == "dws");
var zone = (await session.AvailabilityZones.ListAsync()).First(z => z.IsAvailable);
var version = flavor.Datastores?.Select(d => d.Version).LastOrDefault(v => v is not null);
Say($"Node type {flavor.SpecName}, availability zone {zone.Code}, version {version}");

var request = new CreateClusterRequest
{
    Name = "demo-warehouse",
    Flavor = flavor.SpecName,
    NumNode = 3,
    NumCn = 3,
    AdminUserName = "dbadmin",
    AdminPassword = "Demo-Passw0rd-2026",
    AvailabilityZones = new List<string> { zone.Code! },
    VpcId = "vpc-demo",
    SubnetId = "subnet-demo",
    SecurityGroupId = "sg-demo",
    DatastoreVersion = version,
};
var creation = await session.Clusters.CreateAsync(request);
Say($"Create requested: {creation}");
var cluster = await session.Clusters.WaitForCreationAsync(request.Name, wait, c => Say($"  cluster {c.Name}: {c.Status} {Progress(c)}"));
Say($"Cluster {cluster.Name} ({cluster.Id}) is {cluster.Status} with {cluster.NumberOfNode} nodes");

var snapshot = await session.Snapshots.CreateAsync(cluster.Id, "demo-before-resize", "taken by the demo");
Say($"Snapshot requested: {snapshot.SnapshotId}{(snapshot.Job is null ? "" : " job " + snapshot.JobId)}");
var ready = await session.Snapshots.WaitForStatusAsync(snapshot.SnapshotId, wait, s => Say($"  snapshot {s.Name}: {s.Status}"));
Say($"Snapshot {ready.Name} is {ready.Status}");

foreach (var c in await session.Clusters.ListAsync()) Say($"Cluster  {c.Name,-20} {c.Status,-10} {c.NodeType,-16} {c.NumberOfNode} nodes  {c.Version}");
foreach (var s in await session.Snapshots.ListAsync()) Say($"Snapshot {s.Name,-20} {s.Status,-10} of cluster {s.ClusterId}");

var grow = await session.Clusters.ResizeAsync(cluster.Id, new ResizeClusterRequest(3));
Say($"Scale-out by 3 requested{(grow.Job is null ? "; progress shows in the cluster's task_status" : "; job " + grow.JobId)}");
await WaitForActionAsync(grow);

var offered = await session.Clusters.ListShrinkNumbersAsync(cluster.Id);
Say($"Scale-in can remove {string.Join(" or ", offered)} node(s): whole rings, newest first");
var shrink = await session.Clusters.ShrinkAsync(cluster.Id, new ShrinkClusterRequest { ShrinkNumber = offered.First(), Online = true });
Say($"Scale-in by {offered.First()} requested{(shrink.Job is null ? "" : "; job " + shrink.JobId)}");
await WaitForActionAsync(shrink);

await session.Clusters.DeleteAsync(cluster.Id);
Say($"Delete requested for {cluster.Name}");
await session.Clusters.WaitForDeletionAsync(cluster.Id, wait, c => Say($"  cluster {c.Name}: {c.Status}"));
Say($"Cluster {cluster.Name} is gone; {(await session.Snapshots.ListAsync()).Count} manual snapshot(s) kept");
Say($"Done: {emulator.State.Requests.Count} requests, all signed with SDK-HMAC-SHA256");
return 0;

async Task WaitForActionAsync(ClusterActionResult action)
{
    if (action.Job is { } job)
    {
        var done = await session.Jobs.WaitAsync(job.JobId, wait, j => Say($"  job {j.JobName}: {j.Status} {j.Progress}"));
        Say($"Job {done.JobId} {done.Status}");
    }
    // A scale-in answered without a job (5.2.30's 200) is done once the cluster shows its nodes gone.
    var after = action.ClusterTask is { } task
        ? (await session.Clusters.WaitForTaskAsync(task, wait, c => Say($"  cluster {c.Name}: {c.Status} {c.TaskStatus} {Progress(c)}"))).Cluster!
        : await session.Clusters.WaitForStatusAsync(action.ClusterId, wait, c => Say($"  cluster {c.Name}: {c.Status} {c.TaskStatus} {Progress(c)}"));
    Say($"Cluster {after.Name} is {after.Status} with {after.NumberOfNode} nodes");
}

static string Progress(Cluster c) => c.ActionProgress is { Count: > 0 } p ? string.Join(", ", p.Select(kv => $"{kv.Key} {kv.Value}")) : string.Empty;
