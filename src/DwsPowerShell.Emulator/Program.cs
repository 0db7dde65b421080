using DwsPowerShell.Emulator.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

EmulatorOptions options;
string[] hostArgs;
try
{
    (options, hostArgs) = CommandLine.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (!hostArgs.Contains("--urls")) hostArgs = [.. hostArgs, "--urls", "http://127.0.0.1:5080"];

WebApplicationBuilder builder;
try
{
    builder = DwsEmulator.CreateBuilder(options, hostArgs);
}
catch (StateFileException e)
{
    // The file is left as it is: nothing is written when the emulator does not start.
    Console.Error.WriteLine($"dws-emulator: {e.Message}; the file is left as it is (fix or move it, or start without --state-file).");
    return 3;
}
var app = builder.Build();
DwsEmulator.Map(app);
await app.StartAsync();

foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses)
    Console.WriteLine($"DWS emulator listening on {address}");
Console.WriteLine($"Region: {options.Region}");
Console.WriteLine($"Project id: {options.ProjectId}");
Console.WriteLine($"Access key (AK): {options.AccessKey}");
Console.WriteLine($"Secret key (SK): {options.SecretKey} (emulator credentials, not secret)");
Console.WriteLine($"IAM user: {options.IamUserName} / {options.IamPassword} in domain {options.IamDomainName} (emulator credentials, not secret)");
Console.WriteLine($"Time scale: {options.TimeScale} emulated seconds per second; shrink answer: {options.ShrinkAnswer}");
Console.WriteLine($"Largest request body: {options.MaxRequestBodyBytes} bytes; header fields: {options.MaxRequestHeaderBytes} bytes");
if (options.StateFile is not null) Console.WriteLine($"State file: {options.StateFile}");
foreach (var fault in options.Faults) Console.WriteLine($"Fault: {fault.Kind} on '{fault.Route}' at rate {fault.Rate}");
Console.WriteLine("Press Ctrl+C to stop.");
await app.WaitForShutdownAsync();
return 0;
