def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Skipping privileges:generate because privileges.skip is true.')
assert log.contains('Skipping privileges:check because privileges.skip is true.')
assert !new File(basedir, 'target/privileges').exists()
return true
